package io.rollcheck.tenantadmin.record;

import java.util.List;

/**
 * The fields of a student record as the national register (学信网) shows them, with the column
 * headers a roster file may use for each (Chinese and English spellings seen in the field).
 * {@code personal} fields are sealed at rest and masked on screen.
 */
public enum RecordField {
    CANDIDATE_NO("考生号", false, "考生号", "考生编号", "candidate no", "candidate number", "candidate_no", "ksh"),
    NAME("姓名", false, "姓名", "学生姓名", "name", "student name"),
    STUDENT_NO("学号", false, "学号", "student no", "student number", "student id", "student_no", "xh"),
    SEX("性别", false, "性别", "sex", "gender"),
    BIRTH_DATE("出生日期", true, "出生日期", "出生年月日", "birth date", "date of birth", "birthday", "birth_date"),
    ID_TYPE("身份证件类型", false, "身份证件类型", "证件类型", "id type", "id document type", "id_type"),
    ID_NUMBER("身份证号", true, "身份证号", "身份证号码", "证件号码", "身份证件号", "id number", "id no", "national id", "id_number"),
    ETHNICITY("民族", false, "民族", "ethnicity", "ethnic group", "nation"),
    ORIGIN("生源省市", false, "生源省市", "生源地", "生源省份", "home province", "origin", "province"),
    INSTITUTION("院校名称", false, "院校名称", "学校名称", "institution", "university", "school"),
    MAJOR("专业名称", false, "专业名称", "专业", "major", "programme", "program"),
    DURATION("学制", false, "学制", "length of study", "duration", "years"),
    LEVEL("层次", false, "层次", "培养层次", "level"),
    ADMISSION_YEAR("录取年份", false, "录取年份", "入学年份", "admission year", "cohort", "admission_year"),
    STUDY_MODE("学习形式", false, "学习形式", "study mode", "mode of study", "mode"),
    CATEGORY("学历类别", false, "学历类别", "education category", "category"),
    BRANCH("分院", false, "分院", "学院", "院系", "branch", "college", "faculty"),
    DEPARTMENT("系", false, "系", "系（所、函授站）", "系(所、函授站)", "department", "dept"),
    CLASS("班级", false, "班级", "班号", "class", "class no"),
    ENROLMENT_DATE("入学日期", false, "入学日期", "enrolment date", "enrollment date", "enrolment_date"),
    EXPECTED_GRADUATION("预计毕业日期", false, "预计毕业日期", "expected graduation", "expected graduation date",
            "graduation date"),
    PHONE("手机号", true, "手机号", "手机号码", "联系电话", "phone", "mobile", "mobile phone");

    private final String labelZh;
    private final boolean personal;
    private final List<String> headers;

    RecordField(String labelZh, boolean personal, String... headers) {
        this.labelZh = labelZh;
        this.personal = personal;
        this.headers = List.of(headers);
    }

    public String labelZh() {
        return labelZh;
    }

    public boolean personal() {
        return personal;
    }

    public List<String> headers() {
        return headers;
    }

    /** The stable key used in APIs and bundles: {@code studentNo}, {@code idNumber}, … */
    public String key() {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
