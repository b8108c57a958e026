package io.rollcheck.platform.crypto;

import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Personal data at rest: {@link #seal} encrypts a field value under the tenant's key, bound to the
 * tenant and the field name (a value copied to another field or tenant will not open);
 * {@link #blindIndex} gives a keyed HMAC for equality look-ups without storing the value.
 */
@Singleton
public class Pii {

    private final TenantKeys keys;

    public Pii(TenantKeys keys) {
        this.keys = keys;
    }

    /** Seals a platform-level secret (e.g. an operator's TOTP secret) under the platform's data key. */
    public byte[] sealPlatform(String field, String value) {
        return Aead.seal(keys.platform().encryption(), value.getBytes(StandardCharsets.UTF_8), "rollcheck:platform:" + field);
    }

    public String openPlatform(String field, byte[] sealed) {
        return new String(Aead.open(keys.platform().encryption(), sealed, "rollcheck:platform:" + field),
                StandardCharsets.UTF_8);
    }

    public byte[] seal(TenantContext tenant, String field, String value) {
        if (value == null) {
            return null;
        }
        return Aead.seal(keys.of(tenant).encryption(), value.getBytes(StandardCharsets.UTF_8), aad(tenant, field));
    }

    public String open(TenantContext tenant, String field, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        return new String(Aead.open(keys.of(tenant).encryption(), sealed, aad(tenant, field)), StandardCharsets.UTF_8);
    }

    /** Seals a file (evidence, a signed document) under the tenant's key, bound to the tenant and {@code field}. */
    public byte[] sealBytes(TenantContext tenant, String field, byte[] value) {
        return Aead.seal(keys.of(tenant).encryption(), value, aad(tenant, field));
    }

    public byte[] openBytes(TenantContext tenant, String field, byte[] sealed) {
        return Aead.open(keys.of(tenant).encryption(), sealed, aad(tenant, field));
    }

    /** 16 bytes of HMAC-SHA256 over {@code field:value}; the caller normalises the value first. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    public byte[] blindIndex(TenantContext tenant, String field, String normalisedValue) {
        try {
            Mac m = HMAC.get();
            m.init(keys.of(tenant).index());
            byte[] full = m.doFinal((field + ":" + normalisedValue).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aad(TenantContext tenant, String field) {
        return "rollcheck:" + tenant.tenantId() + ":" + field;
    }
}
