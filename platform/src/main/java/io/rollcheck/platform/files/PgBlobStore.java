package io.rollcheck.platform.files;

import io.rollcheck.platform.digest.Sha256;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** {@link BlobStore} in the tenant schema's {@code blobs} table. */
@Singleton
public class PgBlobStore implements BlobStore {

    private final Db db;

    public PgBlobStore(Db db) {
        this.db = db;
    }

    @Override
    public Info put(TenantContext t, String fileName, String contentType, byte[] bytes) {
        String sha = Sha256.hex(bytes);
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        long id = db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO blobs (file_name, content_type, size, sha256, data) VALUES (?,?,?,?,?) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, contentType);
                ps.setLong(3, bytes.length);
                ps.setString(4, sha);
                ps.setBytes(5, bytes);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Info(id, name, contentType, bytes.length, sha);
    }

    @Override
    public Optional<Blob> get(TenantContext t, long id) {
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, file_name, content_type, size, sha256, data FROM blobs WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Blob>empty();
                    }
                    return Optional.of(new Blob(new Info(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5)), rs.getBytes(6)));
                }
            }
        });
    }
}
