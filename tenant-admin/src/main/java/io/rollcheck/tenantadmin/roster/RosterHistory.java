package io.rollcheck.tenantadmin.roster;

import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who imported which file when, with what result (dry runs included). */
@Singleton
public class RosterHistory {

    @Serdeable
    public record Entry(long id, Instant at, String actor, String fileName, String fileType, int rows, int created,
                        int updated, int unchanged, int rejected, boolean committed, int millis) {
    }

    private final Db db;

    public RosterHistory(Db db) {
        this.db = db;
    }

    public List<Entry> list(TenantContext t) {
        return db.tenant(t, c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, at, actor, file_name, file_type, rows, created, updated, unchanged, rejected, committed, millis"
                            + " FROM roster_imports ORDER BY id DESC LIMIT 200");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                            rs.getBoolean(11), rs.getInt(12)));
                }
            }
            return out;
        });
    }
}
