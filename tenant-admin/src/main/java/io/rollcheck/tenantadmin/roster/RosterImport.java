package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.tenantadmin.record.RecordField;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final io.rollcheck.tenantadmin.selfcheck.Progress progress;
    private final io.rollcheck.tenantadmin.campaign.PublishedCampaigns campaigns;

    private final io.rollcheck.tenantadmin.selfcheck.StateCache states;

    public RosterImport(Db db, Pii pii, AuditLog audit, io.rollcheck.tenantadmin.selfcheck.Progress progress,
                        io.rollcheck.tenantadmin.campaign.PublishedCampaigns campaigns, io.rollcheck.tenantadmin.selfcheck.StateCache states) {
        this.states = states;
        this.progress = progress;
        this.campaigns = campaigns;
        this.db = db;
        this.pii = pii;
        this.audit = audit;
    }

    public Report run(TenantContext t, String actor, Path file, String fileName, Options o) {
        long t0 = System.nanoTime();
        try {
            return run(t, actor, file, fileName, o, t0, true);
        } catch (RosterFiles.NotUtf8 e) {
            // read as UTF-8 on trust, and it was not: nothing was kept; read it again, detecting
            return run(t, actor, file, fileName, o, t0, false);
        }
    }

    private Report run(TenantContext t, String actor, Path file, String fileName, Options o, long t0, boolean trustUtf8) {
        Locale locale = o.locale() == null ? Messages.ZH : o.locale();
        try (RosterTable table = trustUtf8 ? RosterFiles.openTrustingUtf8(file) : RosterFiles.open(file)) {
            List<String> unmapped = new ArrayList<>();
            Map<RecordField, Integer> cols = RowValidator.mapHeaders(table.headers(), o.mapping(), unmapped);
            List<RowError> errors = new ArrayList<>();
            for (RecordField missing : RowValidator.requiredMissing(cols)) {
                errors.add(new RowError(1, missing.labelZh(), "column.missing",
                        Messages.get(locale, "roster.column.missing", 1, missing.labelZh())));
            }
            if (!errors.isEmpty()) {
                table.confirmEncoding();
                return finish(t, actor, fileName, table.type(), Sha256.of(file), 0, 0, 0, 0, 0, errors, unmapped, List.of(),
                        false, t0, o);
            }
            Reading read = new Reading(t, table, cols, new RowValidator(cols, table.headers(), locale), locale, o, errors);
            java.util.concurrent.CompletableFuture<byte[]> sha;
            try {
                if (o.dryRun()) {
                    db.tenant(t, c -> {
                        db.allowLongWork(c);
                        read.loadSnapshot(c);
                        return null;
                    });
                    read.run(null);
                    table.confirmEncoding();
                    sha = java.util.concurrent.CompletableFuture.completedFuture(Sha256.of(file));
                } else {
                    sha = new java.util.concurrent.CompletableFuture<>();
                    try {
                        db.tenant(t, c -> {
                            db.allowLongWork(c); // a whole roster, behind the tenant's import lock
                            writeThrough(c, t, actor, fileName, read, file, sha);
                            return null;
                        });
                        states.invalidateTenant(t); // the students' cached states show the new values
                    } catch (NothingToWrite ignored) {
                        // rejected rows, or nothing new or changed: the transaction was rolled back untouched
                    }
                }
            } catch (RosterFileProblem p) {
                table.confirmEncoding(); // a file that is not UTF-8 is read again rather than refused
                throw p;
            }
            LOG.info("event=roster_read rows={} ms={}", read.counts[0], (System.nanoTime() - t0) / 1_000_000);
            int[] counts = read.counts;
            boolean commit = !o.dryRun() && counts[4] == 0;
            return finish(t, actor, fileName, table.type(), sha.isDone() ? sha.join() : Sha256.of(file), counts[0], counts[1],
                    counts[2], counts[3], counts[4], errors, unmapped, new ArrayList<>(read.missingClasses), commit, t0, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Thrown inside the commit's transaction to roll it back when there is nothing to write. */
    private static final class NothingToWrite extends RuntimeException {
        NothingToWrite() {
            super(null, null, false, false);
        }
    }

    /** A roster of at most this many students takes the direct load (see {@link #writeThrough}). */
    static final int DIRECT_MAX_EXISTING = 5_000;

    /**
     * A commit in one transaction: lock the tenant's imports, read the existing rows, stream the file's
     * rows to write into PostgreSQL while it is read, then finish. Into a roster of at most
     * {@link #DIRECT_MAX_EXISTING} students (the first import of a year) new rows are copied straight
     * into {@code students}, with its plain indexes and foreign keys dropped first and rebuilt once at
     * the end (PostgreSQL's own advice for populating a table); changed rows, and every row of a larger
     * roster, go through a temporary table and one upsert. The table is held exclusively while its
     * indexes are down; any failure rolls everything back, the drops included.
     */
    private void writeThrough(Connection c, TenantContext t, String actor, String fileName, Reading read, Path file,
                              java.util.concurrent.CompletableFuture<byte[]> sha) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.roster'))");
        }
        read.loadSnapshot(c); // under the lock: a concurrent import cannot change what we compare against
        read.direct = read.existing.size() <= DIRECT_MAX_EXISTING;
        List<String> rebuild = read.direct ? dropSecondary(c) : List.of();
        if (!read.direct) {
            createStaging(c);
        }
        long p0 = System.nanoTime();
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(read.direct
                ? "COPY students (" + COLUMNS + ", class_id, college_id) FROM STDIN (FORMAT binary)"
                : "COPY roster_in (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
        try {
            read.run(in);
        } catch (RuntimeException e) {
            cancel(in);
            throw e;
        }
        if (read.counts[4] > 0 || read.counts[1] + read.counts[2] == 0) {
            cancel(in);
            read.table.confirmEncoding();
            throw new NothingToWrite();
        }
        in.endCopy();
        // while PostgreSQL finishes alone, the other core checks the encoding and hashes the file
        java.util.concurrent.CompletableFuture<Void> checked = java.util.concurrent.CompletableFuture.runAsync(() -> {
            read.table.confirmEncoding();
            sha.complete(Sha256.of(file));
        });
        long p1 = System.nanoTime();
        if (read.direct) {
            createReservedClasses(c, read);
        } else {
            createMissingClasses(c, read.missingClasses);
        }
        classMap(c);
        if (read.direct) {
            if (!read.changedLines.isEmpty()) {
                createStaging(c);
                CopyIn changed = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY roster_in (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
                CopyBuffer out = new CopyBuffer(changed);
                for (byte[] fields : read.changedLines) {
                    out.tuple(STAGED_FIELDS, fields);
                }
                out.finish();
                changed.endCopy();
            }
        }
        List<AuditLog.Draft> drafts = auditChanges(c, actor, read.updatedStudentNos);
        if (!read.direct || !read.changedLines.isEmpty()) {
            upsert(c, !read.direct && bulkLoad(read.counts[1], read.existing.size()));
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : rebuild) {
                s.execute(ddl);
            }
        }
        long p2 = System.nanoTime();
        LOG.info("event=roster_commit rows={} direct={} read_copy_ms={} finish_ms={}", read.counts[1] + read.counts[2],
                read.direct, (p1 - p0) / 1_000_000, (p2 - p1) / 1_000_000);
        int[] counts = read.counts;
        drafts.add(new AuditLog.Draft(actor, "roster.imported", "file:" + fileName,
                "created=" + counts[1] + " updated=" + counts[2] + " unchanged=" + counts[3]
                        + (read.missingClasses.isEmpty() ? "" : " classesCreated=" + read.missingClasses.size()), null));
        audit.appendBatch(c, drafts);
        // the open campaigns' completion counters follow the new roster in the same transaction
        for (var pc : campaigns.open(t)) {
            progress.rebuild(c, pc);
        }
        try {
            checked.join(); // before the commit: a file that is not UTF-8 rolls all of it back
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static void createStaging(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE roster_in ON COMMIT DROP AS SELECT " + COLUMNS + " FROM students WITH NO DATA");
        }
    }

    private static void cancel(CopyIn in) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }

    /** Rows handed to a worker at a time. */
    private static final int BATCH = 256;
    private static final int NEW = 1;
    private static final int CHANGED = 2;
    private static final int UNCHANGED = 3;

    /** One row after the checks that need no other row: its own errors, or its index, hash, status and COPY line. */
    private record Checked(RosterTable.Row row, @Nullable StudentRow r, List<RowError> errors, byte @Nullable [] idx,
                           int status, byte @Nullable [] line) {
    }

    /**
     * Reading a file: the importing thread parses it and hands batches of rows to workers, which check,
     * blind-index and seal them (one per core); the importing thread then takes the batches back in file
     * order, runs the checks across rows (duplicates, owners of ID numbers, classes) and streams the rows
     * to write into the COPY. Errors come out in row order as with one thread.
     */
    private final class Reading {
        final TenantContext t;
        /** The tenant's keys, looked up once for the whole file. */
        final Pii.ForTenant crypto;
        final RosterTable table;
        final Map<RecordField, Integer> cols;
        final RowValidator validator;
        final Locale locale;
        final Options o;
        final List<RowError> errors;
        final int[] counts = new int[5]; // rows, created, updated, unchanged, rejected
        final ShardedMap<String, Existing> existing = new ShardedMap<>();
        /** The existing students' ID blind indexes, each with its owner's position in {@link #owners}. */
        final KeyTable ownerOfId = new KeyTable();
        final List<String> owners = new ArrayList<>();
        /** Class by name, else by code: its id and its college's. */
        final Map<String, long[]> classes = new HashMap<>();
        /** The first row of each 学号: packed in {@link #firstRowOfPacked} when it fits 16 characters, as text otherwise. */
        final KeyTable firstRowOfPacked = new KeyTable();
        final ShardedMap<String, Integer> firstRowOf = new ShardedMap<>();
        private final long[] packed = new long[2];
        final KeyTable firstRowOfId = new KeyTable();
        final Set<String> missingClasses = new LinkedHashSet<>();
        final List<String> updatedStudentNos = new ArrayList<>();
        /** Set before reading: new rows go straight into {@code students}, changed ones are kept here. */
        boolean direct;
        final List<byte[]> changedLines = new ArrayList<>();
        /** The catch-all college of classes an import creates, if it exists yet. */
        @Nullable Long unassignedCollege;
        /** Classes a direct load creates, with ids taken from the sequences in advance: name → {id, college id}. */
        final Map<String, long[]> reservedClasses = new java.util.LinkedHashMap<>();
        boolean collegeReserved;
        private final ArrayDeque<Long> classIds = new ArrayDeque<>();
        /** Set at the first rejected row of a commit: nothing will be written, so workers stop sealing. */
        volatile boolean abandoned;
        private List<RosterTable.Row> batch = new ArrayList<>(BATCH);

        Reading(TenantContext t, RosterTable table, Map<RecordField, Integer> cols, RowValidator validator, Locale locale,
                Options o, List<RowError> errors) {
            this.t = t;
            this.crypto = pii.forTenant(t);
            this.table = table;
            this.cols = cols;
            this.validator = validator;
            this.locale = locale;
            this.o = o;
            this.errors = errors;
        }

        void loadSnapshot(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, student_no, row_hash, id_number_idx FROM students")) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(2), new Existing(rs.getLong(1), rs.getBytes(3)));
                        byte[] idx = rs.getBytes(4);
                        if (idx != null) {
                            if (ownerOfId.putIfAbsent(idx, owners.size()) < 0) {
                                owners.add(rs.getString(2));
                            }
                        }
                    }
                }
            }
            Map<String, long[]> byCode = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, college_id, name, code FROM classes ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] ids = {rs.getLong(1), rs.getLong(2)};
                    classes.putIfAbsent(rs.getString(3), ids);
                    byCode.putIfAbsent(rs.getString(4), ids);
                }
            }
            byCode.forEach(classes::putIfAbsent);
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM colleges WHERE code = 'UNASSIGNED'");
                 ResultSet rs = ps.executeQuery()) {
                unassignedCollege = rs.next() ? rs.getLong(1) : null;
            }
        }

        /**
         * Ids for a class a direct load creates: the COPY holds the connection, so they come from the
         * sequences on another one (a sequence is not transactional; a rolled-back import leaves a gap).
         */
        private void reserveClass(String name) {
            if (unassignedCollege == null) {
                unassignedCollege = nextIds("colleges", 1).get(0);
                collegeReserved = true;
            }
            if (classIds.isEmpty()) {
                classIds.addAll(nextIds("classes", 64));
            }
            long[] ids = {classIds.poll(), unassignedCollege};
            classes.put(name, ids);
            reservedClasses.put(name, ids);
        }

        private List<Long> nextIds(String table, int n) {
            return db.tenant(t, c -> {
                List<Long> ids = new ArrayList<>(n);
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
                    ps.setString(1, table);
                    ps.setInt(2, n);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                return ids;
            });
        }

        /** Reads every row; {@code sink} (null in a dry run) receives the COPY text of the rows to write. */
        void run(@Nullable CopyIn sink) {
            boolean seal = sink != null;
            int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
                Thread th = new Thread(r, "roster-rows");
                th.setDaemon(true);
                return th;
            });
            ArrayDeque<Future<Checked[]>> inFlight = new ArrayDeque<>();
            CopyBuffer out = sink == null ? null : new CopyBuffer(sink);
            try {
                table.rows(row -> {
                    if (++counts[0] > RosterFiles.MAX_ROWS) {
                        throw new RosterFileProblem("file.tooManyRows");
                    }
                    if (o.progress() != null && counts[0] % PROGRESS_EVERY == 0) {
                        o.progress().accept(counts[0]);
                    }
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        List<RosterTable.Row> rows = batch;
                        batch = new ArrayList<>(BATCH);
                        inFlight.add(workers.submit(() -> check(rows, seal)));
                        while (inFlight.size() > threads * 4) {
                            accept(await(inFlight.poll()), out);
                        }
                    }
                });
                if (!batch.isEmpty()) {
                    List<RosterTable.Row> rows = batch;
                    inFlight.add(workers.submit(() -> check(rows, seal)));
                }
                while (!inFlight.isEmpty()) {
                    accept(await(inFlight.poll()), out);
                }
                if (out != null) {
                    out.finish();
                }
            } finally {
                workers.shutdownNow();
            }
            if (o.progress() != null) {
                o.progress().accept(counts[0]);
            }
        }

        /** On a worker: the checks of each row alone, its blind index and row hash, and its sealed COPY line. */
        private Checked[] check(List<RosterTable.Row> rows, boolean seal) {
            Checked[] out = new Checked[rows.size()];
            for (int i = 0; i < out.length; i++) {
                RosterTable.Row row = rows.get(i);
                List<RowError> errs = new ArrayList<>(1);
                StudentRow r = validator.check(row, errs);
                if (r == null) {
                    out[i] = new Checked(row, null, errs, null, 0, null);
                    continue;
                }
                byte[] idx = crypto.blindIndex(Students.F_ID, Students.normaliseId(r.idNumber()));
                byte[] hash = crypto.blindIndex("row", r.canonical());
                Existing ex = existing.get(r.studentNo());
                int status = ex == null ? NEW : Arrays.equals(ex.hash(), hash) ? UNCHANGED : CHANGED;
                byte[] line = seal && status != UNCHANGED && !abandoned ? line(crypto, r, idx, hash) : null;
                out[i] = new Checked(row, r, errs, idx, status, line);
            }
            return out;
        }

        /** Records {@code row} as the first of {@code studentNo} unless one came before; returns that one, or null. */
        private Integer firstRowOf(String studentNo, int row) {
            if (KeyTable.pack(studentNo, packed)) {
                int first = firstRowOfPacked.putIfAbsent(packed[0], packed[1], row);
                return first < 0 ? null : first;
            }
            return firstRowOf.putIfAbsent(studentNo, row);
        }

        /** On the importing thread, in file order: the checks across rows, the counts, the COPY. */
        private void accept(Checked[] batch, @Nullable CopyBuffer out) {
            for (Checked ch : batch) {
                int before = errors.size();
                errors.addAll(ch.errors());
                StudentRow r = ch.r();
                RosterTable.Row row = ch.row();
                if (r != null) {
                    Integer first = firstRowOf(r.studentNo(), row.number());
                    if (first != null) {
                        errors.add(new RowError(row.number(), header(table, cols, RecordField.STUDENT_NO), "studentNo.duplicate",
                                Messages.get(locale, "roster.studentNo.duplicate", row.number(),
                                        header(table, cols, RecordField.STUDENT_NO), first)));
                    }
                    int firstId = firstRowOfId.putIfAbsent(ch.idx(), row.number());
                    if (firstId >= 0) {
                        errors.add(new RowError(row.number(), header(table, cols, RecordField.ID_NUMBER), "id.duplicateInFile",
                                Messages.get(locale, "roster.id.duplicateInFile", row.number(),
                                        header(table, cols, RecordField.ID_NUMBER), firstId)));
                    }
                    int ownerAt = ownerOfId.get(ch.idx());
                    String owner = ownerAt < 0 ? null : owners.get(ownerAt);
                    if (owner != null && !owner.equals(r.studentNo())) {
                        errors.add(validator.error(row, RecordField.ID_NUMBER, "id.belongsToOther"));
                    }
                    if (r.className() != null && !classes.containsKey(r.className())) {
                        if (o.createMissingClasses()) {
                            missingClasses.add(r.className());
                            if (direct) {
                                reserveClass(r.className());
                            }
                        } else {
                            errors.add(validator.error(row, RecordField.CLASS, "class.unknown"));
                        }
                    }
                    if (errors.size() == before) {
                        switch (ch.status()) {
                            case NEW -> counts[1]++;
                            case CHANGED -> {
                                counts[2]++;
                                updatedStudentNos.add(r.studentNo());
                            }
                            default -> counts[3]++;
                        }
                        if (out != null && ch.status() != UNCHANGED && !abandoned) {
                            if (!direct) {
                                out.tuple(STAGED_FIELDS, ch.line());
                            } else if (ch.status() == CHANGED) {
                                changedLines.add(ch.line());
                            } else {
                                out.tuple(STAGED_FIELDS + 2, ch.line());
                                out.classIds(r.className() == null ? null : classes.get(r.className()));
                            }
                        }
                    }
                }
                if (errors.size() > before) {
                    counts[4]++;
                    abandoned = out != null;
                }
            }
        }
    }

    private static Checked[] await(Future<Checked[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("roster import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A binary COPY stream (PostgreSQL's documented format: a signature, then per row a field count and
     * each field as length and bytes, then -1), gathered into large writes.
     */
    private static final class CopyBuffer {
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        private final CopyIn in;
        private final byte[] buf = new byte[256 * 1024];
        private int pos;

        CopyBuffer(CopyIn in) {
            this.in = in;
            write(SIGNATURE);
            int4(0); // flags
            int4(0); // header extension
        }

        /** One row: its field count, then its fields as {@link Fields} encoded them. */
        void tuple(int fieldCount, byte[] fields) {
            room(2);
            buf[pos++] = (byte) (fieldCount >>> 8);
            buf[pos++] = (byte) fieldCount;
            write(fields);
        }

        /** The two bigint fields that end a direct row: class and college, or nulls. */
        void classIds(long @Nullable [] ids) {
            for (int i = 0; i < 2; i++) {
                if (ids == null) {
                    int4(-1);
                } else {
                    int4(8);
                    room(8);
                    for (int b = 7; b >= 0; b--) {
                        buf[pos++] = (byte) (ids[i] >>> (8 * b));
                    }
                }
            }
        }

        /** The trailer, and everything still held. */
        void finish() {
            room(2);
            buf[pos++] = (byte) 0xFF;
            buf[pos++] = (byte) 0xFF;
            flush();
        }

        private void int4(int v) {
            room(4);
            pos = putInt(buf, pos, v);
        }

        private void write(byte[] b) {
            if (b.length > buf.length) {
                flush();
                send(b, b.length);
                return;
            }
            room(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        private void room(int n) {
            if (pos + n > buf.length) {
                flush();
            }
        }

        private void flush() {
            if (pos > 0) {
                send(buf, pos);
                pos = 0;
            }
        }

        private void send(byte[] b, int len) {
            try {
                in.writeToCopy(b, 0, len);
            } catch (SQLException e) {
                throw new io.rollcheck.platform.db.DataAccessException(e);
            }
        }
    }

    /** Writes {@code v} big-endian (COPY's byte order) at {@code pos}; returns the position after it. */
    private static int putInt(byte[] buf, int pos, int v) {
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        return pos + 4;
    }

    /** A row's fields in PostgreSQL's binary COPY encoding, each as a 4-byte length and its bytes. */
    private static final class Fields {
        /** Days from 1970-01-01 to PostgreSQL's date epoch, 2000-01-01. */
        private static final long PG_EPOCH_DAY = java.time.LocalDate.of(2000, 1, 1).toEpochDay();
        private byte[] buf = new byte[640];
        private int pos;

        Fields text(@Nullable String s) {
            return bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        Fields bytes(byte @Nullable [] b) {
            if (b == null) {
                return length(-1);
            }
            length(b.length);
            room(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return this;
        }

        Fields int4(@Nullable Integer v) {
            if (v == null) {
                return length(-1);
            }
            return length(4).length(v);
        }

        Fields date(java.time.@Nullable LocalDate d) {
            if (d == null) {
                return length(-1);
            }
            return length(4).length((int) (d.toEpochDay() - PG_EPOCH_DAY));
        }

        private Fields length(int v) {
            room(4);
            pos = putInt(buf, pos, v);
            return this;
        }

        private void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        byte[] done() {
            return Arrays.copyOf(buf, pos);
        }
    }

    /** The row's fields ({@link #COLUMNS}, in order) in binary COPY encoding, its personal fields sealed. */
    private static byte[] line(Pii.ForTenant crypto, StudentRow r, byte[] idx, byte[] hash) {
        return new Fields().text(r.studentNo()).text(r.candidateNo()).text(r.name()).text(r.sex()).text(r.idType())
                .bytes(crypto.seal(Students.F_ID, r.idNumber())).bytes(idx)
                .bytes(r.birthDate() == null ? null : crypto.seal(Students.F_BIRTH, r.birthDate().toString()))
                .bytes(r.phone() == null ? null : crypto.seal(Students.F_PHONE, r.phone()))
                .text(r.ethnicity()).text(r.origin()).text(r.institution()).text(r.major()).text(r.duration())
                .text(r.level()).int4(r.admissionYear()).text(r.studyMode()).text(r.category()).text(r.branch())
                .text(r.department()).text(r.className()).date(r.enrolmentDate()).date(r.expectedGraduation())
                .bytes(hash).done();
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

    /** Fields of a staged row ({@link #COLUMNS}); a direct one adds the class and college ids. */
    private static final int STAGED_FIELDS = 24;

    /** The classes a direct load created under ids it reserved (a concurrent class of the same code fails the import). */
    private static void createReservedClasses(Connection c, Reading read) throws SQLException {
        if (read.reservedClasses.isEmpty()) {
            return;
        }
        if (read.collegeReserved) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO colleges (id, code, name_zh) VALUES (?, 'UNASSIGNED', '未分配')")) {
                ps.setLong(1, read.unassignedCollege);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO classes (id, college_id, code, name) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, long[]> e : read.reservedClasses.entrySet()) {
                ps.setLong(1, e.getValue()[0]);
                ps.setLong(2, e.getValue()[1]);
                ps.setString(3, e.getKey());
                ps.setString(4, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void createMissingClasses(Connection c, Set<String> missingClasses) throws SQLException {
        if (missingClasses.isEmpty()) {
            return;
        }
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

    /** Classes by name first, then by code (the same order as {@link Reading#loadSnapshot}): a small map joined by hash. */
    private static void classMap(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE class_map ON COMMIT DROP AS SELECT DISTINCT ON (key) key, id, college_id FROM ("
                    + " SELECT name AS key, id, college_id, 0 AS pri FROM classes UNION ALL"
                    + " SELECT code, id, college_id, 1 FROM classes) x ORDER BY key, pri, id");
        }
    }

    /** One audit entry per updated student, before and after (sealed fields only say that they changed). */
    private static List<AuditLog.Draft> auditChanges(Connection c, String actor, List<String> updated) throws SQLException {
        List<AuditLog.Draft> drafts = new ArrayList<>();
        if (updated.isEmpty()) {
            return drafts;
        }
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
        return drafts;
    }

    /** The staged rows into {@code students}: new ones inserted, changed ones updated; {@code bulk} rebuilds indexes once. */
    private static void upsert(Connection c, boolean bulk) throws SQLException {
        StringBuilder set = new StringBuilder();
        for (String col : COLUMNS.split(",\\s*")) {
            if (!col.equals("student_no")) {
                set.append(set.length() == 0 ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
            }
        }
        List<String> rebuild = bulk ? dropSecondary(c) : List.of();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO students (" + COLUMNS + ", class_id, college_id) SELECT " + prefixed()
                    + ", m.id, m.college_id FROM roster_in r LEFT JOIN class_map m ON m.key = r.class_name"
                    + " ON CONFLICT (student_no) DO UPDATE SET " + set + ", class_id = EXCLUDED.class_id,"
                    + " college_id = EXCLUDED.college_id, updated_at = now()");
            for (String ddl : rebuild) {
                s.execute(ddl);
            }
        }
    }

    /** New rows from which a load into a (nearly) empty roster rebuilds the secondary indexes instead of updating them. */
    static final int BULK_MIN_ROWS = 10_000;

    /**
     * A large first load (at least {@link #BULK_MIN_ROWS} new rows, and no fewer than the rows already
     * there) builds the secondary indexes once, sorted, and checks the foreign keys in one join, rather
     * than once per row: PostgreSQL's own advice for populating a table. Updates keep the per-row path.
     */
    static boolean bulkLoad(int newRows, int existingRows) {
        return newRows >= BULK_MIN_ROWS && existingRows <= newRows;
    }

    /**
     * Drops the students table's foreign keys and its plain (not unique) indexes that back no constraint, inside the
     * import's transaction (which holds the table exclusively until it ends), and returns the statements
     * that put them back, read from the catalogue so they match whatever the migrations made. A failure
     * anywhere rolls back the drops with the rows; adding a foreign key back checks every row.
     */
    private static List<String> dropSecondary(Connection c) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> rebuild = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = 'students'::regclass AND contype = 'f' ORDER BY conname")) {
                while (rs.next()) {
                    drop.add("ALTER TABLE students DROP CONSTRAINT " + rs.getString(1));
                    rebuild.add("ALTER TABLE students ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                    + " WHERE i.indrelid = 'students'::regclass AND NOT i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
                    + " WHERE k.conindid = i.indexrelid) ORDER BY 1")) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    rebuild.add(0, rs.getString(2));
                }
            }
            for (String ddl : drop) {
                s.execute(ddl);
            }
        }
        // indexes first, then the keys, whose checks may use them
        List<String> ordered = new ArrayList<>();
        rebuild.stream().filter(d -> !d.startsWith("ALTER")).forEach(ordered::add);
        rebuild.stream().filter(d -> d.startsWith("ALTER")).forEach(ordered::add);
        return ordered;
    }

    private static String prefixed() {
        StringBuilder sb = new StringBuilder();
        for (String col : COLUMNS.split(",\\s*")) {
            sb.append(sb.length() == 0 ? "" : ", ").append("r.").append(col);
        }
        return sb.toString();
    }
}
