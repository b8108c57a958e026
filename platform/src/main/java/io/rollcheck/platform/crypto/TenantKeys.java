package io.rollcheck.platform.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-tenant data keys: 32 random bytes per tenant, stored wrapped by the master key in
 * {@code platform.tenant_keys}, created on first use. From the data key two keys are derived
 * (HMAC-SHA256 with a label): one encrypts personal fields, one computes blind indexes. Unwrapped
 * keys stay in memory for 10 minutes.
 */
@Singleton
public class TenantKeys {

    /** The keys of one tenant. */
    public record Material(SecretKey encryption, SecretKey index) {
    }

    private final Db db;
    private final MasterKeys master;
    private final Cache<Long, Material> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();
    private final SecureRandom random = new SecureRandom();

    public TenantKeys(Db db, MasterKeys master) {
        this.db = db;
        this.master = master;
    }

    /** The platform's own data key (id 0), for operator secrets. */
    public Material platform() {
        return cache.get(0L, id -> derive(unwrapOrCreate(id)));
    }

    public Material of(TenantContext tenant) {
        return cache.get(tenant.tenantId(), id -> derive(unwrapOrCreate(id)));
    }

    private byte[] unwrapOrCreate(long tenantId) {
        return db.platform(c -> {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO tenant_keys (tenant_id, wrapped_key, master_key_id) VALUES (?,?,?) ON CONFLICT DO NOTHING")) {
                ins.setLong(1, tenantId);
                ins.setBytes(2, Aead.seal(master.current(), fresh, aad(tenantId)));
                ins.setString(3, master.currentId());
                ins.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT wrapped_key, master_key_id FROM tenant_keys WHERE tenant_id = ?")) {
                ps.setLong(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    SecretKey k = master.byId(rs.getString(2))
                            .orElseThrow(() -> new CryptoFailure("tenant key wrapped by an unknown master key"));
                    return Aead.open(k, rs.getBytes(1), aad(tenantId));
                }
            }
        });
    }

    /**
     * Re-wraps every tenant key not yet under the current master key. Safe while the application
     * serves: data keys do not change, so no record is re-encrypted. Returns how many were re-wrapped.
     */
    public int rotateToCurrentMasterKey() {
        List<Long> ids = db.platform(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM tenant_keys WHERE master_key_id <> ?")) {
                ps.setString(1, master.currentId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        int n = 0;
        for (long id : ids) {
            n += db.platform(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT wrapped_key, master_key_id FROM tenant_keys WHERE tenant_id = ? FOR UPDATE")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (master.currentId().equals(rs.getString(2))) {
                            return 0;
                        }
                        SecretKey old = master.byId(rs.getString(2))
                                .orElseThrow(() -> new CryptoFailure("tenant key wrapped by an unknown master key"));
                        byte[] dek = Aead.open(old, rs.getBytes(1), aad(id));
                        try (PreparedStatement up = c.prepareStatement(
                                "UPDATE tenant_keys SET wrapped_key = ?, master_key_id = ?, rotated_at = now() WHERE tenant_id = ?")) {
                            up.setBytes(1, Aead.seal(master.current(), dek, aad(id)));
                            up.setString(2, master.currentId());
                            up.setLong(3, id);
                            up.executeUpdate();
                        }
                        return 1;
                    }
                }
            });
        }
        return n;
    }

    private static String aad(long tenantId) {
        return "rollcheck:tenant-key:" + tenantId;
    }

    private static Material derive(byte[] dek) {
        return new Material(new SecretKeySpec(hmac(dek, "pii-encryption-v1"), "AES"),
                new SecretKeySpec(hmac(dek, "blind-index-v1"), "HmacSHA256"));
    }

    static byte[] hmac(byte[] key, String label) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
