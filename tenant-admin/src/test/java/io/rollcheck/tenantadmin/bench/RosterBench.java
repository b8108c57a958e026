package io.rollcheck.tenantadmin.bench;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import io.rollcheck.tenantadmin.roster.RosterBenchSupport;
import io.rollcheck.tenantadmin.roster.RosterImport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Roster import figures of issue 5: N rows (default 100,000) as CSV and as XLSX, end to end with
 * validation, sealing and blind index, against {@code psql \copy} of the same CSV into a plain table
 * in the same run: each import is timed against a {@code \copy} run just before it (the speed of a shared
 * machine drifts), and the figures are medians of five such pairs (three swung with the minute). Run with {@code bash infra/bench/run.sh roster [N] [warm|cold]} (the JVM
 * gets -Xmx512m): {@code warm} (default) first imports smaller files, as a server that has been running
 * has compiled its hot code; {@code cold} times the first imports of a fresh JVM.
 */
public final class RosterBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean warm = args.length < 2 || !"cold".equals(args[1]);
        Path dir = Files.createTempDirectory("roster-bench");
        Path csv = RosterBenchSupport.csv(dir, n);
        Path xlsx = RosterBenchSupport.xlsx(dir, n);
        System.out.printf(Locale.ROOT, "roster bench: %d rows, csv %.1f MB, xlsx %.1f MB, max heap %d MB%n", n,
                Files.size(csv) / 1e6, Files.size(xlsx) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        try (TestApp app = TestApp.start()) {
            TestServices s = TestServices.get();
            try (Connection c = s.connect(); Statement st = c.createStatement()) {
                StringBuilder cols = new StringBuilder();
                for (int i = 0; i < 22; i++) {
                    cols.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
                }
                st.execute("CREATE TABLE public.copy_baseline (" + cols + ")");
            }
            String db = s.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
            String hostPort = s.jdbcUrl().replaceAll("jdbc:postgresql://([^/]+)/.*", "$1");
            String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
            String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
            // the baseline, into an emptied table; also taken again beside each import (the machine's speed drifts)
            java.util.function.DoubleSupplier psqlCopy = () -> {
                try {
                    try (Connection c = s.connect(); Statement st = c.createStatement()) {
                        st.execute("TRUNCATE public.copy_baseline");
                    }
                    long c0 = System.nanoTime();
                    Process p = new ProcessBuilder("psql", "-h", host, "-p", port, "-U", s.user, "-d", db, "-q", "-c",
                            "\\copy public.copy_baseline FROM '" + csv + "' WITH (FORMAT csv, HEADER true)")
                            .redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes());
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("psql failed: " + out);
                    }
                    return (System.nanoTime() - c0) / 1e9;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            double[] copies = {psqlCopy.getAsDouble(), psqlCopy.getAsDouble(), psqlCopy.getAsDouble()};
            java.util.Arrays.sort(copies);
            System.out.printf(Locale.ROOT, "psql_copy_s=%.2f (median of %.2f / %.2f / %.2f)%n", copies[1], copies[0], copies[1], copies[2]);

            if (warm) {
                // a running server has compiled its hot code: imports of a smaller file of each kind first
                Path wdir = Files.createTempDirectory("roster-warm");
                Path[] warmFiles = {RosterBenchSupport.csv(wdir, 20_000), RosterBenchSupport.xlsx(wdir, 20_000)};
                wdir.toFile().deleteOnExit(); // registered first, deleted last (after its files)
                for (Path wf : warmFiles) {
                    wf.toFile().deleteOnExit();
                }
                long w0 = System.nanoTime();
                int rounds = Integer.getInteger("rollcheck.bench.warmRounds", 5);
                for (int i = 0; i < rounds; i++) {
                    for (Path f : warmFiles) {
                        app.bean(RosterImport.class).run(app.aTenant().context(), "bench", f, f.getFileName().toString(),
                                new RosterImport.Options(false, true, Map.of(), Messages.ZH));
                    }
                }
                System.out.printf(Locale.ROOT, "warm-up: %d imports of 20,000 rows in %.1f s%n", 2 * rounds, (System.nanoTime() - w0) / 1e9);
            }
            int runs = Integer.getInteger("rollcheck.bench.runs", 5);
            for (Path f : new Path[]{csv, xlsx}) {
                double[] times = new double[runs];
                double[] ratios = new double[runs];
                double[] baselines = new double[runs];
                long peak = 0;
                Tenant t = null;
                String kind = null;
                for (int i = 0; i < runs; i++) {
                    baselines[i] = psqlCopy.getAsDouble(); // the same rows by psql, seconds before
                    t = app.aTenant(); // each run into an empty roster, the first import of a year
                    System.gc();
                    resetPeaks();
                    long t0 = System.nanoTime();
                    RosterImport.Report r = app.bean(RosterImport.class).run(t.context(), "bench", f, f.getFileName().toString(),
                            new RosterImport.Options(false, true, Map.of(), Messages.ZH));
                    times[i] = (System.nanoTime() - t0) / 1e9;
                    ratios[i] = times[i] / baselines[i];
                    peak = Math.max(peak, peakHeapMb());
                    if (!r.committed() || r.created() != n) {
                        throw new IllegalStateException("import failed: " + r.errors().subList(0, Math.min(3, r.errors().size())));
                    }
                    kind = r.fileType().startsWith("XLSX") ? "xlsx" : "csv";
                }
                // the floor no import can go below: reading the file alone, one thread (the same reader, no checks)
                double[] reads = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long r0 = System.nanoTime();
                    int[] rows = {0};
                    try (io.rollcheck.tenantadmin.roster.RosterTable table = io.rollcheck.tenantadmin.roster.RosterFiles.open(f)) {
                        table.rows(row -> rows[0]++);
                    }
                    reads[i] = (System.nanoTime() - r0) / 1e9;
                    if (rows[0] != n) {
                        throw new IllegalStateException("read " + rows[0] + " rows");
                    }
                }
                java.util.Arrays.sort(reads);
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < runs; i++) {
                    all.append(all.length() == 0 ? "" : " / ")
                            .append(String.format(Locale.ROOT, "%.2f s vs %.2f s = %.2fx", times[i], baselines[i], ratios[i]));
                }
                double[] sortedTimes = times.clone();
                double[] sortedRatios = ratios.clone();
                java.util.Arrays.sort(sortedTimes);
                java.util.Arrays.sort(sortedRatios);
                double secs = sortedTimes[runs / 2];
                System.out.printf(Locale.ROOT, "import_%s_s=%.2f rows_per_s=%.0f ratio_to_psql_copy=%.2f peak_heap_mb=%d"
                        + " (medians; targets <= 10 s, <= 4x)%n  runs, each against a psql \\copy just before it: %s%n",
                        kind, secs, n / secs, sortedRatios[runs / 2], peak, all);
                double copy = baselines[runs / 2];
                System.out.printf(Locale.ROOT, "  reading the file alone: %.2f s = %.2fx psql \\copy (median of %d)%n",
                        reads[runs / 2], reads[runs / 2] / copy, runs);
                long r0 = System.nanoTime();
                RosterImport.Report again = app.bean(RosterImport.class).run(t.context(), "bench", f, f.getFileName().toString(),
                        new RosterImport.Options(false, true, Map.of(), Messages.ZH));
                System.out.printf(Locale.ROOT, "  re-import unchanged=%d in %.2f s%n", again.unchanged(), (System.nanoTime() - r0) / 1e9);
            }
        }
        for (Path p : new Path[]{csv, xlsx}) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
        System.exit(0);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                b.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                sum += b.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
