package io.rollcheck.tenantadmin.roster;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.record.RecordField;
import io.rollcheck.platform.record.Students;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Roster import: a dry run reports what a file would do (new, changed, unchanged, rejected, with
 * the first errors by row and column); a commit writes it all or nothing, in one transaction.
 * Re-importing the same file changes nothing (a keyed hash of each row tells unchanged rows apart
 * without decrypting anything); a changed row is updated and audited with before and after.
 * Personal fields are sealed and the ID number blind-indexed before they reach the database.
 */
@Singleton
public class RosterImport {

    static final int MAX_ERRORS_REPORTED = 200;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RosterImport.class);

    static {
        Messages.register("i18n/admin");
    }

    /**
     * How to run an import. {@code mapping}: file header → record field key, for headers we do not know.
     * {@code progress} (optional) is told the number of rows read so far, every {@link #PROGRESS_EVERY}
     * rows and once at the end of the reading, on the importing thread (a screen shows it for large files).
     */
    public record Options(boolean dryRun, boolean createMissingClasses, Map<String, String> mapping, Locale locale,
                          @Nullable IntConsumer progress) {

        public Options(boolean dryRun, boolean createMissingClasses, Map<String, String> mapping, Locale locale) {
            this(dryRun, createMissingClasses, mapping, locale, null);
        }
    }

    /** Rows between two progress reports. */
    public static final int PROGRESS_EVERY = 1000;

    /** What an import did or would do. */
    @Serdeable
    public record Report(String fileType, int rows, int created, int updated, int unchanged, int rejected,
                         List<RowError> errors, List<String> unmappedHeaders, List<String> missingClasses,
                         boolean committed, long millis, @Nullable String fileError, @Nullable String fileErrorMessage) {
    }

    private record Existing(long id, byte[] hash) {
    }

    private final Db db;
    private final Pii pii;
    private final AuditLog audit;
    private final io.rollcheck.platform.selfcheck.Progress progress;
    private final io.rollcheck.platform.campaign.PublishedCampaigns campaigns;

    private final io.rollcheck.platform.selfcheck.StateCache states;

    public RosterImport(Db db, Pii pii, AuditLog audit, io.rollcheck.platform.selfcheck.Progress progress,
                        io.rollcheck.platform.campaign.PublishedCampaigns campaigns, io.rollcheck.platform.selfcheck.StateCache states) {
        this.states = states;
        this.progress = progress;
        this.campaigns = campaigns;
        this.db = db;
        this.pii = pii;
        this.audit = audit;
    }

    public Report run(TenantContext t, String actor, Path file, String fileName, Options o) {
        long t0 = System.nanoTime();
        Locale locale = o.locale() == null ? Messages.ZH : o.locale();
        byte[] sha;
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
            sha = md.digest();
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path copyFile = null;
        try (RosterTable table = RosterFiles.open(file)) {
            List<String> unmapped = new ArrayList<>();
            Map<RecordField, Integer> cols = RowValidator.mapHeaders(table.headers(), o.mapping(), unmapped);
            List<RowError> errors = new ArrayList<>();
            RowValidator validator = new RowValidator(cols, table.headers(), locale);
            for (RecordField missing : RowValidator.requiredMissing(cols)) {
                errors.add(new RowError(1, missing.labelZh(), "column.missing",
                        Messages.get(locale, "roster.column.missing", 1, missing.labelZh())));
            }
            if (!errors.isEmpty()) {
                return finish(t, actor, fileName, table.type(), sha, 0, 0, 0, 0, 0, errors, unmapped, List.of(), false, t0, o);
            }
            Map<String, Existing> existing = new HashMap<>();
            Map<String, String> ownerOfId = new HashMap<>();
            Map<String, Long> classes = new HashMap<>();
            db.tenant(t, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, student_no, row_hash, id_number_idx FROM students")) {
                    ps.setFetchSize(5000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            existing.put(rs.getString(2), new Existing(rs.getLong(1), rs.getBytes(3)));
                            byte[] idx = rs.getBytes(4);
                            if (idx != null) {
                                ownerOfId.put(HexFormat.of().formatHex(idx), rs.getString(2));
                            }
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT id, name, code FROM classes");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        classes.put(rs.getString(2), rs.getLong(1));
                        classes.putIfAbsent(rs.getString(3), rs.getLong(1));
                    }
                }
                return null;
            });
            copyFile = Files.createTempFile("roster-", ".copy");
            int[] counts = new int[5]; // rows, created, updated, unchanged, rejected
            Map<String, Integer> firstRowOf = new HashMap<>();
            Map<String, Integer> firstRowOfId = new HashMap<>();
            Set<String> missingClasses = new LinkedHashSet<>();
            List<String> updatedStudentNos = new ArrayList<>();
            try (BufferedWriter out = Files.newBufferedWriter(copyFile, StandardCharsets.UTF_8)) {
                table.rows(row -> {
                    if (++counts[0] > RosterFiles.MAX_ROWS) {
                        throw new RosterFileProblem("file.tooManyRows");
                    }
                    if (o.progress() != null && counts[0] % PROGRESS_EVERY == 0) {
                        o.progress().accept(counts[0]);
                    }
                    int before = errors.size();
                    StudentRow r = validator.check(row, errors);
                    if (r != null) {
                        Integer first = firstRowOf.putIfAbsent(r.studentNo(), row.number());
                        if (first != null) {
                            errors.add(new RowError(row.number(), header(table, cols, RecordField.STUDENT_NO), "studentNo.duplicate",
                                    Messages.get(locale, "roster.studentNo.duplicate", row.number(),
                                            header(table, cols, RecordField.STUDENT_NO), first)));
                        }
                        String idx = HexFormat.of().formatHex(pii.blindIndex(t, Students.F_ID, Students.normaliseId(r.idNumber())));
                        Integer firstId = firstRowOfId.putIfAbsent(idx, row.number());
                        if (firstId != null) {
                            errors.add(new RowError(row.number(), header(table, cols, RecordField.ID_NUMBER), "id.duplicateInFile",
                                    Messages.get(locale, "roster.id.duplicateInFile", row.number(),
                                            header(table, cols, RecordField.ID_NUMBER), firstId)));
                        }
                        String owner = ownerOfId.get(idx);
                        if (owner != null && !owner.equals(r.studentNo())) {
                            errors.add(validator.error(row, RecordField.ID_NUMBER, "id.belongsToOther"));
                        }
                        if (r.className() != null && !classes.containsKey(r.className())) {
                            if (o.createMissingClasses()) {
                                missingClasses.add(r.className());
                            } else {
                                errors.add(validator.error(row, RecordField.CLASS, "class.unknown"));
                            }
                        }
                        if (errors.size() == before) {
                            byte[] hash = pii.blindIndex(t, "row", r.canonical());
                            Existing ex = existing.get(r.studentNo());
                            if (ex == null) {
                                counts[1]++;
                                write(out, t, r, idx, hash);
                            } else if (!Arrays.equals(ex.hash(), hash)) {
                                counts[2]++;
                                updatedStudentNos.add(r.studentNo());
                                write(out, t, r, idx, hash);
                            } else {
                                counts[3]++;
                            }
                        }
                    }
                    if (errors.size() > before) {
                        counts[4]++;
                    }
                });
            }
            LOG.info("event=roster_read rows={} ms={}", counts[0], (System.nanoTime() - t0) / 1_000_000);
            if (o.progress() != null) {
                o.progress().accept(counts[0]);
            }
            boolean commit = !o.dryRun() && counts[4] == 0;
            if (commit && counts[1] + counts[2] > 0) {
                Path data = copyFile;
                db.tenant(t, c -> {
                    commit(c, t, actor, data, missingClasses, updatedStudentNos, fileName, counts);
                    // the open campaigns' completion counters follow the new roster in the same transaction
                    for (var pc : campaigns.open(t)) {
                        progress.rebuild(c, pc);
                    }
                    return null;
                });
                states.invalidateTenant(t); // the students' cached states show the new values
            }
            return finish(t, actor, fileName, table.type(), sha, counts[0], counts[1], counts[2], counts[3], counts[4],
                    errors, unmapped, new ArrayList<>(missingClasses), commit, t0, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copyFile != null) {
                try {
                    Files.deleteIfExists(copyFile);
                } catch (IOException ignored) {
                    // temp file: the OS cleans up
                }
            }
        }
    }

    private static String header(RosterTable table, Map<RecordField, Integer> cols, RecordField f) {
        Integer i = cols.get(f);
        return i == null ? f.labelZh() : table.headers().get(i);
    }

    private Report finish(TenantContext t, String actor, String fileName, String type, byte[] sha, int rows, int created,
                          int updated, int unchanged, int rejected, List<RowError> errors, List<String> unmapped,
                          List<String> missingClasses, boolean committed, long t0, Options o) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO roster_imports (actor, file_name, file_type, file_sha256, rows, created, updated, unchanged,"
                            + " rejected, committed, millis) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, actor);
                ps.setString(2, fileName == null ? "" : fileName);
                ps.setString(3, type);
                ps.setBytes(4, sha);
                ps.setInt(5, rows);
                ps.setInt(6, committed ? created : 0);
                ps.setInt(7, committed ? updated : 0);
                ps.setInt(8, unchanged);
                ps.setInt(9, rejected);
                ps.setBoolean(10, committed);
                ps.setInt(11, (int) ms);
                return ps.executeUpdate();
            }
        });
        List<RowError> shown = errors.size() > MAX_ERRORS_REPORTED ? errors.subList(0, MAX_ERRORS_REPORTED) : errors;
        return new Report(type, rows, created, updated, unchanged, rejected, List.copyOf(shown), unmapped, missingClasses,
                committed, ms, null, null);
    }

    private static final String COLUMNS = "student_no, candidate_no, name, sex, id_type, id_number_enc, id_number_idx,"
            + " birth_date_enc, phone_enc, ethnicity, origin, institution, major, duration, level, admission_year, study_mode,"
            + " category, branch, department, class_name, enrolment_date, expected_graduation, row_hash";

    private void write(Writer out, TenantContext t, StudentRow r, String idxHex, byte[] hash) {
        try {
            Object[] v = {r.studentNo(), r.candidateNo(), r.name(), r.sex(), r.idType(),
                    pii.seal(t, Students.F_ID, r.idNumber()), HexFormat.of().parseHex(idxHex),
                    r.birthDate() == null ? null : pii.seal(t, Students.F_BIRTH, r.birthDate().toString()),
                    r.phone() == null ? null : pii.seal(t, Students.F_PHONE, r.phone()),
                    r.ethnicity(), r.origin(), r.institution(), r.major(), r.duration(), r.level(), r.admissionYear(),
                    r.studyMode(), r.category(), r.branch(), r.department(), r.className(), r.enrolmentDate(),
                    r.expectedGraduation(), hash};
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                Object x = v[i];
                if (x == null) {
                    out.write("\\N");
                } else if (x instanceof byte[] b) {
                    out.write("\\\\x");
                    out.write(HexFormat.of().formatHex(b));
                } else {
                    escape(out, x.toString());
                }
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void escape(Writer out, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(ch);
            }
        }
    }

    private void commit(Connection c, TenantContext t, String actor, Path data, Set<String> missingClasses,
                        List<String> updated, String fileName, int[] counts) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.roster'))");
            s.execute("CREATE TEMP TABLE roster_in ON COMMIT DROP AS SELECT " + COLUMNS + " FROM students WITH NO DATA");
        }
        if (!missingClasses.isEmpty()) {
            long college;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO colleges (code, name_zh) VALUES ('UNASSIGNED', '未分配') ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                college = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO classes (college_id, code, name) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")) {
                for (String name : missingClasses) {
                    ps.setLong(1, college);
                    ps.setString(2, name);
                    ps.setString(3, name);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        long p0 = System.nanoTime();
        try (Reader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY roster_in (" + COLUMNS + ") FROM STDIN", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AuditLog.Draft> drafts = new ArrayList<>();
        if (!updated.isEmpty()) {
            String[] compared = {"candidate_no", "name", "sex", "id_type", "ethnicity", "origin", "institution", "major",
                    "duration", "level", "admission_year", "study_mode", "category", "branch", "department", "class_name",
                    "enrolment_date", "expected_graduation"};
            StringBuilder sql = new StringBuilder("SELECT s.student_no");
            for (String col : compared) {
                sql.append(", s.").append(col).append("::text, r.").append(col).append("::text");
            }
            sql.append(", s.id_number_idx IS DISTINCT FROM r.id_number_idx FROM students s JOIN roster_in r USING (student_no)");
            try (PreparedStatement ps = c.prepareStatement(sql.toString()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder change = new StringBuilder();
                    for (int i = 0; i < compared.length; i++) {
                        String before = rs.getString(2 + 2 * i);
                        String after = rs.getString(3 + 2 * i);
                        if (!java.util.Objects.equals(before, after)) {
                            change.append(compared[i]).append(": ").append(before).append(" -> ").append(after).append("; ");
                        }
                    }
                    if (rs.getBoolean(2 + 2 * compared.length)) {
                        change.append("id_number: changed (sealed); ");
                    }
                    drafts.add(new AuditLog.Draft(actor, "record.updated", "student:" + rs.getString(1),
                            change.length() == 0 ? "personal fields changed (sealed)" : change.toString(), null));
                }
            }
        }
        long p1 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            StringBuilder set = new StringBuilder();
            for (String col : COLUMNS.split(",\\s*")) {
                if (!col.equals("student_no")) {
                    set.append(set.length() == 0 ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
                }
            }
            // classes by name first, then by code: a small map joined by hash, not a lookup per row
            s.execute("CREATE TEMP TABLE class_map ON COMMIT DROP AS SELECT DISTINCT ON (key) key, id, college_id FROM ("
                    + " SELECT name AS key, id, college_id, 0 AS pri FROM classes UNION ALL"
                    + " SELECT code, id, college_id, 1 FROM classes) x ORDER BY key, pri, id");
            s.executeUpdate("INSERT INTO students (" + COLUMNS + ", class_id, college_id) SELECT " + prefixed()
                    + ", m.id, m.college_id FROM roster_in r LEFT JOIN class_map m ON m.key = r.class_name"
                    + " ON CONFLICT (student_no) DO UPDATE SET " + set + ", class_id = EXCLUDED.class_id,"
                    + " college_id = EXCLUDED.college_id, updated_at = now()");
        }
        long p2 = System.nanoTime();
        LOG.info("event=roster_commit rows={} copy_ms={} upsert_ms={}", counts[1] + counts[2], (p1 - p0) / 1_000_000,
                (p2 - p1) / 1_000_000);
        drafts.add(new AuditLog.Draft(actor, "roster.imported", "file:" + fileName,
                "created=" + counts[1] + " updated=" + counts[2] + " unchanged=" + counts[3]
                        + (missingClasses.isEmpty() ? "" : " classesCreated=" + missingClasses.size()), null));
        audit.appendBatch(c, drafts);
    }

    private static String prefixed() {
        StringBuilder sb = new StringBuilder();
        for (String col : COLUMNS.split(",\\s*")) {
            sb.append(sb.length() == 0 ? "" : ", ").append("r.").append(col);
        }
        return sb.toString();
    }
}
