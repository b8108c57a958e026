package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.db.Db;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL on {@code platform.tenants}. No logic: callers decide. */
@Singleton
class TenantStore {

    static final String COLUMNS = "id, slug, name_zh, name_en, status, schema_name, schema_version, primary_color,"
            + " welcome_zh, welcome_en, logo IS NOT NULL AS has_logo, time_zone, created_at, provisioning_step";

    private final Db db;

    TenantStore(Db db) {
        this.db = db;
    }

    Optional<Tenant> bySlug(String slug) {
        return db.platform(c -> one(c, "SELECT " + COLUMNS + " FROM tenants WHERE slug = ?", slug));
    }

    Optional<Tenant> byId(long id) {
        return db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenants WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<Tenant>empty();
                }
            }
        });
    }

    List<Tenant> all() {
        return db.platform(c -> {
            List<Tenant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenants ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    static Optional<Tenant> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    static Tenant map(ResultSet rs) throws SQLException {
        Branding branding = new Branding(rs.getString("primary_color"), rs.getString("welcome_zh"),
                rs.getString("welcome_en"), rs.getBoolean("has_logo"));
        return new Tenant(rs.getLong("id"), rs.getString("slug"), rs.getString("name_zh"), rs.getString("name_en"),
                TenantStatus.valueOf(rs.getString("status")), rs.getString("schema_name"),
                rs.getString("schema_version"), branding, rs.getString("time_zone"),
                rs.getTimestamp("created_at").toInstant());
    }
}
