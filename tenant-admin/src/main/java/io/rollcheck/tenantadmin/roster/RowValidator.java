package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.tenantadmin.record.RecordField;
import io.rollcheck.platform.validation.ContactRules;
import io.rollcheck.platform.validation.IdNumbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks one roster row against the rules of the record (the same rules the forms and the API use)
 * and normalises it. Every problem of the row is reported, each naming the row and the column.
 */
final class RowValidator {

    /** 学号: 4 to 32 ASCII letters, digits or hyphens. */
    static boolean isStudentNo(String s) {
        return asciiWord(s, 4, 32, true);
    }

    /** 考生号: 6 to 20 ASCII letters or digits. */
    static boolean isCandidateNo(String s) {
        return asciiWord(s, 6, 20, false);
    }

    private static boolean asciiWord(String s, int min, int max, boolean hyphen) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || hyphen && c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private final Map<RecordField, Integer> columns;
    private final List<String> headers;
    private final Locale locale;

    RowValidator(Map<RecordField, Integer> columns, List<String> headers, Locale locale) {
        this.columns = columns;
        this.headers = headers;
        this.locale = locale;
    }

    /** The normalised row, or null with {@code errors} filled. */
    StudentRow check(RosterTable.Row row, List<RowError> errors) {
        int before = errors.size();
        for (int col : row.formulaColumns()) {
            errors.add(error(row, header(col), "cell.formula"));
        }
        Map<RecordField, String> v = new EnumMap<>(RecordField.class);
        for (Map.Entry<RecordField, Integer> e : columns.entrySet()) {
            int i = e.getValue();
            String cell = i < row.cells().size() ? row.cells().get(i) : null;
            String stripped = cell == null ? null : cell.strip(); // every use strips: do it once
            if (stripped != null && !stripped.isEmpty()) {
                v.put(e.getKey(), stripped);
            }
        }
        String studentNo = trim(v.get(RecordField.STUDENT_NO));
        if (studentNo == null) {
            errors.add(error(row, RecordField.STUDENT_NO, "required"));
        } else if (!isStudentNo(studentNo)) {
            errors.add(error(row, RecordField.STUDENT_NO, "studentNo.format"));
        }
        String name = name(v.get(RecordField.NAME));
        if (name == null) {
            errors.add(error(row, RecordField.NAME, "required"));
        } else if (name.codePointCount(0, name.length()) > 100 || !ContactRules.isPlainText(name, false)
                || "=+@".indexOf(name.charAt(0)) >= 0) {
            errors.add(error(row, RecordField.NAME, "name.format"));
        }
        String candidate = trim(v.get(RecordField.CANDIDATE_NO));
        if (candidate != null && !isCandidateNo(candidate)) {
            errors.add(error(row, RecordField.CANDIDATE_NO, "candidateNo.format"));
        }
        String idType = IdDocuments.type(trim(v.get(RecordField.ID_TYPE)));
        if (idType == null) {
            errors.add(error(row, RecordField.ID_TYPE, "id.type"));
        }
        String id = trim(v.get(RecordField.ID_NUMBER));
        if (id == null) {
            errors.add(error(row, RecordField.ID_NUMBER, "required"));
        } else {
            id = id.replace(" ", "").toUpperCase(Locale.ROOT);
            if (idType != null) {
                String p = IdDocuments.problem(idType, id);
                if (p != null) {
                    errors.add(error(row, RecordField.ID_NUMBER, p));
                }
            }
        }
        String sex = sex(trim(v.get(RecordField.SEX)));
        if (v.containsKey(RecordField.SEX) && sex == null) {
            errors.add(error(row, RecordField.SEX, "sex.format"));
        }
        LocalDate birth = date(row, v, RecordField.BIRTH_DATE, errors);
        boolean idOk = id != null && idType != null && IdDocuments.problem(idType, id) == null;
        if (idOk && IdDocuments.encodesBirthAndSex(idType)) {
            LocalDate fromId = IdNumbers.birthDate(id);
            if (birth != null && !birth.equals(fromId)) {
                errors.add(error(row, RecordField.BIRTH_DATE, "birthDate.idMismatch"));
            }
            if (sex != null && !sex.equals(IdNumbers.sex(id))) {
                errors.add(error(row, RecordField.SEX, "sex.idMismatch"));
            }
            if (birth == null && !v.containsKey(RecordField.BIRTH_DATE)) {
                birth = fromId;
            }
            if (sex == null && !v.containsKey(RecordField.SEX)) {
                sex = IdNumbers.sex(id);
            }
        }
        Integer year = null;
        String y = trim(v.get(RecordField.ADMISSION_YEAR));
        if (y != null) {
            try {
                year = Integer.parseInt(y.replace("年", ""));
                if (year < 1990 || year > 2100) {
                    errors.add(error(row, RecordField.ADMISSION_YEAR, "year.format"));
                }
            } catch (NumberFormatException e) {
                errors.add(error(row, RecordField.ADMISSION_YEAR, "year.format"));
            }
        }
        String phone = trim(v.get(RecordField.PHONE));
        if (phone != null && !ContactRules.isPhone(phone)) {
            errors.add(error(row, RecordField.PHONE, "phone.format"));
        }
        LocalDate enrolment = date(row, v, RecordField.ENROLMENT_DATE, errors);
        LocalDate graduation = date(row, v, RecordField.EXPECTED_GRADUATION, errors);
        if (enrolment != null && graduation != null && !graduation.isAfter(enrolment)) {
            errors.add(error(row, RecordField.EXPECTED_GRADUATION, "graduation.beforeEnrolment"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new StudentRow(row.number(), candidate, name, studentNo, sex, birth, idType, id,
                trim(v.get(RecordField.ETHNICITY)), trim(v.get(RecordField.ORIGIN)), trim(v.get(RecordField.INSTITUTION)),
                trim(v.get(RecordField.MAJOR)), trim(v.get(RecordField.DURATION)), trim(v.get(RecordField.LEVEL)), year,
                trim(v.get(RecordField.STUDY_MODE)), trim(v.get(RecordField.CATEGORY)), trim(v.get(RecordField.BRANCH)),
                trim(v.get(RecordField.DEPARTMENT)), trim(v.get(RecordField.CLASS)), enrolment, graduation, phone);
    }

    private LocalDate date(RosterTable.Row row, Map<RecordField, String> v, RecordField f, List<RowError> errors) {
        String s = v.get(f);
        if (s == null) {
            return null;
        }
        LocalDate d = io.rollcheck.tenantadmin.record.FieldRules.date(s);
        if (d == null || d.getYear() < 1900 || d.getYear() > 2100) {
            errors.add(error(row, f, "date.format"));
            return null;
        }
        return d;
    }

    RowError error(RosterTable.Row row, RecordField f, String code) {
        Integer col = columns.get(f);
        return error(row, col == null ? f.labelZh() : header(col), code);
    }

    RowError error(RosterTable.Row row, String column, String code) {
        return new RowError(row.number(), column, code, Messages.get(locale, "roster." + code, row.number(), column));
    }

    private String header(int col) {
        return col < headers.size() ? headers.get(col) : "#" + (col + 1);
    }

    /** Names keep inner spaces, middle dots and characters outside the BMP; only the ends are trimmed. */
    private static String name(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String sex(String s) {
        return io.rollcheck.tenantadmin.record.FieldRules.sex(s);
    }

    /** Maps file headers to record fields: exact Chinese/English spellings, or the explicit mapping. */
    static Map<RecordField, Integer> mapHeaders(List<String> headers, Map<String, String> explicit,
                                                List<String> unmapped) {
        Map<RecordField, Integer> out = new EnumMap<>(RecordField.class);
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i) == null ? "" : headers.get(i).strip().replace("\uFEFF", "");
            RecordField f = null;
            if (explicit != null && explicit.containsKey(h)) {
                String target = explicit.get(h);
                for (RecordField rf : RecordField.values()) {
                    if (rf.key().equals(target) || rf.name().equals(target)) {
                        f = rf;
                    }
                }
            }
            if (f == null) {
                String norm = h.toLowerCase(Locale.ROOT).replace('（', '(').replace('）', ')');
                for (RecordField rf : RecordField.values()) {
                    for (String alias : rf.headers()) {
                        if (alias.toLowerCase(Locale.ROOT).equals(norm)) {
                            f = rf;
                        }
                    }
                }
            }
            if (f != null && !out.containsKey(f)) {
                out.put(f, i);
            } else if (!h.isEmpty()) {
                unmapped.add(h);
            }
        }
        return out;
    }

    static List<RecordField> requiredMissing(Map<RecordField, Integer> columns) {
        List<RecordField> missing = new ArrayList<>();
        for (RecordField f : List.of(RecordField.STUDENT_NO, RecordField.NAME, RecordField.ID_NUMBER)) {
            if (!columns.containsKey(f)) {
                missing.add(f);
            }
        }
        return missing;
    }
}
