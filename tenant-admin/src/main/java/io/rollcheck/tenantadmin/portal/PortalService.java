package io.rollcheck.tenantadmin.portal;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The portal's news items, read and written in the tenant's own schema only. */
@Singleton
public class PortalService {

    private final Db db;
    private final AuditLog audit;

    public PortalService(Db db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public List<PortalNotice> notices(TenantContext tenant) {
        return db.tenant(tenant, c -> {
            List<PortalNotice> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, title, body, created_at FROM portal_notices WHERE published ORDER BY created_at DESC, id DESC LIMIT 20");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    public PortalNotice notice(TenantContext tenant, long id) {
        return db.tenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, title, body, created_at FROM portal_notices WHERE id = ? AND published")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFound("notice");
                    }
                    return map(rs);
                }
            }
        });
    }

    public long post(TenantContext tenant, String title, String body, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            errors.add(new FieldError("title", "notice.title"));
        }
        if (body == null || body.isBlank() || body.length() > 5000) {
            errors.add(new FieldError("body", "notice.body"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return db.tenant(tenant, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO portal_notices (title, body) VALUES (?, ?) RETURNING id")) {
                ps.setString(1, title.strip());
                ps.setString(2, body.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            audit.append(c, actor, "portal.noticePosted", "notice:" + id, null, null);
            return id;
        });
    }

    private static PortalNotice map(ResultSet rs) throws SQLException {
        return new PortalNotice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }
}
