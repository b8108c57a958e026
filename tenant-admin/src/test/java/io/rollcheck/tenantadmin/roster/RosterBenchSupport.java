package io.rollcheck.tenantadmin.roster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;

/** Large generated rosters for the benchmark (rows made on the fly, not held in memory). */
public final class RosterBenchSupport {

    private RosterBenchSupport() {
    }

    private static List<List<String>> rows(int n) {
        return new AbstractList<>() {
            @Override
            public List<String> get(int i) {
                return RosterFixtures.row("B", i + 1, "新生" + (i % 500 + 1) + "班");
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    public static Path csv(Path dir, int n) throws IOException {
        return RosterFixtures.csv(dir, "bench.csv", rows(n), StandardCharsets.UTF_8, false);
    }

    public static Path xlsx(Path dir, int n) throws IOException {
        return RosterFixtures.xlsx(dir, rows(n), true, -1);
    }
}
