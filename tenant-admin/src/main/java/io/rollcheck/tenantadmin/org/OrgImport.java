package io.rollcheck.tenantadmin.org;

import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.tenantadmin.roster.RosterFiles;
import io.rollcheck.tenantadmin.roster.RosterTable;
import io.rollcheck.tenantadmin.roster.RowError;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Colleges and classes from a CSV/XLSX list (学院, 学院代码, 班级, 班级代码, 年级, 层次 — Chinese or
 * English headers). Same rules as by hand; all or nothing; re-importing changes nothing.
 */
@Singleton
public class OrgImport {

    @Serdeable
    public record Report(int rows, int collegesCreated, int classesCreated, int unchanged, int rejected,
                         List<RowError> errors, boolean committed) {
    }

    private record ClassRow(int row, String college, String collegeCode, String name, String code, Integer cohort,
                            String level) {
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("学院", "college"), Map.entry("院系", "college"), Map.entry("college", "college"),
            Map.entry("学院代码", "collegeCode"), Map.entry("college code", "collegeCode"),
            Map.entry("班级", "class"), Map.entry("班级名称", "class"), Map.entry("class", "class"),
            Map.entry("班级代码", "classCode"), Map.entry("班号", "classCode"), Map.entry("class code", "classCode"),
            Map.entry("年级", "cohort"), Map.entry("录取年份", "cohort"), Map.entry("cohort", "cohort"),
            Map.entry("层次", "level"), Map.entry("level", "level"));

    private final Db db;
    private final AuditLog audit;

    public OrgImport(Db db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Report classes(TenantContext t, String actor, Path file, boolean dryRun, Locale locale) {
        List<RowError> errors = new ArrayList<>();
        List<ClassRow> rows = new ArrayList<>();
        try (RosterTable table = RosterFiles.open(file)) {
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < table.headers().size(); i++) {
                String key = HEADERS.get(table.headers().get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
                if (key != null) {
                    col.putIfAbsent(key, i);
                }
            }
            for (String required : List.of("college", "class")) {
                if (!col.containsKey(required)) {
                    errors.add(new RowError(1, required, "column.missing", Messages.get(locale, "roster.column.missing", 1,
                            "college".equals(required) ? "学院" : "班级")));
                }
            }
            if (!errors.isEmpty()) {
                return new Report(0, 0, 0, 0, 0, errors, false);
            }
            Map<String, Integer> firstRow = new HashMap<>();
            table.rows(r -> {
                String college = cell(r, col, "college");
                String name = cell(r, col, "class");
                String code = cell(r, col, "classCode");
                String cohort = cell(r, col, "cohort");
                int before = errors.size();
                if (college == null) {
                    errors.add(err(r, table, col, "college", "required", locale));
                }
                if (name == null) {
                    errors.add(err(r, table, col, "class", "required", locale));
                }
                Integer year = null;
                if (cohort != null) {
                    try {
                        year = Integer.parseInt(cohort.replace("级", "").replace("年", ""));
                        if (year < 1990 || year > 2100) {
                            errors.add(err(r, table, col, "cohort", "year.format", locale));
                        }
                    } catch (NumberFormatException e) {
                        errors.add(err(r, table, col, "cohort", "year.format", locale));
                    }
                }
                String key = code != null ? code : name;
                if (key != null && firstRow.putIfAbsent(key, r.number()) != null) {
                    errors.add(err(r, table, col, code != null ? "classCode" : "class", "class.duplicate", locale));
                }
                if (errors.size() == before) {
                    rows.add(new ClassRow(r.number(), college, cell(r, col, "collegeCode"), name, key, year,
                            cell(r, col, "level")));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int rejected = (int) errors.stream().map(RowError::row).distinct().count();
        if (rejected > 0 || dryRun) {
            return new Report(rows.size() + rejected, 0, 0, 0, rejected, errors, false);
        }
        int[] counts = new int[3];
        db.tenant(t, c -> {
            Map<String, Long> colleges = new LinkedHashMap<>();
            for (ClassRow r : rows) {
                if (!colleges.containsKey(r.college())) {
                    String code = r.collegeCode() != null ? r.collegeCode() : r.college();
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO colleges (code, name_zh) VALUES (?, ?) ON CONFLICT (code) DO NOTHING RETURNING id")) {
                        ps.setString(1, code);
                        ps.setString(2, r.college());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                counts[0]++;
                                colleges.put(r.college(), rs.getLong(1));
                                continue;
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM colleges WHERE code = ?")) {
                        ps.setString(1, code);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            colleges.put(r.college(), rs.getLong(1));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO classes (college_id, code, name, cohort, level) VALUES (?,?,?,?,?) ON CONFLICT (code) DO NOTHING")) {
                for (ClassRow r : rows) {
                    ps.setLong(1, colleges.get(r.college()));
                    ps.setString(2, r.code());
                    ps.setString(3, r.name());
                    ps.setObject(4, r.cohort());
                    ps.setString(5, r.level());
                    int n = ps.executeUpdate();
                    counts[n == 1 ? 1 : 2]++;
                }
            }
            audit.append(c, actor, "org.classesImported", "classes", "colleges=" + counts[0] + " classes=" + counts[1], null);
            return null;
        });
        return new Report(rows.size(), counts[0], counts[1], counts[2], 0, errors, true);
    }

    /** What a staff import did: accounts created (each with a one-time setup link), rows refused. */
    @Serdeable
    public record StaffReport(int rows, int created, int unchanged, int rejected, List<RowError> errors,
                              List<Map<String, String>> setupLinks, boolean committed) {
    }

    private static final Map<String, String> STAFF_HEADERS = Map.ofEntries(
            Map.entry("工号", "username"), Map.entry("用户名", "username"), Map.entry("username", "username"),
            Map.entry("姓名", "name"), Map.entry("name", "name"), Map.entry("邮箱", "email"), Map.entry("email", "email"),
            Map.entry("角色", "role"), Map.entry("role", "role"), Map.entry("学院", "college"), Map.entry("学院代码", "college"),
            Map.entry("college", "college"), Map.entry("班级", "classes"), Map.entry("班级代码", "classes"),
            Map.entry("classes", "classes"));

    private static final Map<String, String> ROLE_NAMES = Map.of("学籍管理员", "TENANT_ADMIN", "学籍科", "TENANT_ADMIN",
            "学院", "COLLEGE_STAFF", "学院工作人员", "COLLEGE_STAFF", "辅导员", "COUNSELOR", "TENANT_ADMIN", "TENANT_ADMIN",
            "COLLEGE_STAFF", "COLLEGE_STAFF", "COUNSELOR", "COUNSELOR");

    /**
     * Staff accounts from a list (工号, 姓名, 邮箱, 角色, 学院 (code or name), 班级 (codes separated by
     * ; or 、)). All or nothing; existing user names are left as they are.
     */
    public StaffReport staff(TenantContext t, String actor, Path file, boolean dryRun, Locale locale,
                             Organisation org, java.util.function.BiFunction<String, String, String> link) {
        List<RowError> errors = new ArrayList<>();
        record StaffRow(int row, String username, String name, String email, String role, Long college, List<Long> classes) {
        }
        List<StaffRow> rows = new ArrayList<>();
        Map<String, Long> colleges = new HashMap<>();
        Map<String, Long> classes = new HashMap<>();
        java.util.Set<String> existing = new java.util.HashSet<>();
        db.tenant(t, c -> {
            try (var rs = c.createStatement().executeQuery("SELECT id, code, name_zh FROM colleges")) {
                while (rs.next()) {
                    colleges.put(rs.getString(2), rs.getLong(1));
                    colleges.putIfAbsent(rs.getString(3), rs.getLong(1));
                }
            }
            try (var rs = c.createStatement().executeQuery("SELECT id, code, name FROM classes")) {
                while (rs.next()) {
                    classes.put(rs.getString(2), rs.getLong(1));
                    classes.putIfAbsent(rs.getString(3), rs.getLong(1));
                }
            }
            try (var rs = c.createStatement().executeQuery("SELECT username FROM users")) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
            return null;
        });
        try (RosterTable table = RosterFiles.open(file)) {
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < table.headers().size(); i++) {
                String key = STAFF_HEADERS.get(table.headers().get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
                if (key != null) {
                    col.putIfAbsent(key, i);
                }
            }
            for (String required : List.of("username", "name", "role")) {
                if (!col.containsKey(required)) {
                    errors.add(new RowError(1, required, "column.missing", Messages.get(locale, "roster.column.missing", 1, required)));
                }
            }
            if (!errors.isEmpty()) {
                return new StaffReport(0, 0, 0, 0, errors, List.of(), false);
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            table.rows(r -> {
                int before = errors.size();
                String username = cell(r, col, "username");
                String role = ROLE_NAMES.get(cell(r, col, "role") == null ? "" : cell(r, col, "role"));
                String collegeKey = cell(r, col, "college");
                Long college = collegeKey == null ? null : colleges.get(collegeKey);
                List<Long> classIds = new ArrayList<>();
                String classList = cell(r, col, "classes");
                if (classList != null) {
                    for (String k : classList.split("[;；、,]")) {
                        if (!k.isBlank()) {
                            Long id = classes.get(k.strip());
                            if (id == null) {
                                errors.add(err(r, table, col, "classes", "class.unknown", locale));
                            } else {
                                classIds.add(id);
                            }
                        }
                    }
                }
                if (username == null) {
                    errors.add(err(r, table, col, "username", "required", locale));
                } else if (!seen.add(username)) {
                    errors.add(err(r, table, col, "username", "studentNo.duplicate", locale));
                }
                if (role == null) {
                    errors.add(err(r, table, col, "role", "staff.role", locale));
                }
                if (collegeKey != null && college == null) {
                    errors.add(err(r, table, col, "college", "staff.college", locale));
                }
                if (errors.size() == before) {
                    rows.add(new StaffRow(r.number(), username, cell(r, col, "name"), cell(r, col, "email"), role, college, classIds));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int rejected = (int) errors.stream().map(RowError::row).distinct().count();
        List<StaffRow> fresh = rows.stream().filter(r -> !existing.contains(r.username())).toList();
        if (rejected == 0) {
            // the same checks as by hand, before anything is written
            for (StaffRow r : fresh) {
                try {
                    Organisation.checkStaff(r.username(), r.name(), r.email(), List.of(r.role()),
                            r.college() == null ? List.of() : List.of(r.college()), r.classes());
                } catch (io.rollcheck.platform.validation.ValidationFailed v) {
                    for (var fe : v.errors()) {
                        errors.add(new RowError(r.row(), fe.field(), fe.code(), Messages.get(locale, "error." + fe.code())));
                    }
                    rejected++;
                }
            }
        }
        if (rejected > 0 || dryRun) {
            return new StaffReport(rows.size() + rejected, 0, rows.size() - fresh.size(), rejected, errors, List.of(), false);
        }
        List<Map<String, String>> links = new ArrayList<>();
        db.tenant(t, c -> {
            for (StaffRow r : fresh) {
                var a = org.addStaff(c, t, actor, r.username(), r.name(), r.email(), List.of(r.role()),
                        r.college() == null ? List.of() : List.of(r.college()), r.classes());
                links.add(Map.of("username", r.username(), "setupLink", link.apply(t.slug(), a.setupToken())));
            }
            audit.append(c, actor, "org.staffImported", "staff", "created=" + fresh.size(), null);
            return null;
        });
        return new StaffReport(rows.size(), fresh.size(), rows.size() - fresh.size(), 0, errors, links, true);
    }

    private static String cell(RosterTable.Row r, Map<String, Integer> col, String key) {
        Integer i = col.get(key);
        if (i == null || i >= r.cells().size()) {
            return null;
        }
        String v = r.cells().get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static RowError err(RosterTable.Row r, RosterTable table, Map<String, Integer> col, String key, String code,
                                Locale locale) {
        Integer i = col.get(key);
        String column = i == null ? key : table.headers().get(i);
        return new RowError(r.number(), column, code, Messages.get(locale, "roster." + code, r.number(), column));
    }
}
