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
        return Aead.seal(keys.of(tenant).encryption(), value.getBytes(StandardCharsets.UTF_8), aadBytes(tenant, field));
    }

    private record Context(long tenantId, String field) {
    }

    /** The associated data of each tenant and field, encoded once (a roster import seals three fields per row). */
    private static final java.util.Map<Context, byte[]> AAD = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] aadBytes(TenantContext tenant, String field) {
        if (AAD.size() > 50_000) {
            AAD.clear(); // bounded: fields are few, tenants many
        }
        return AAD.computeIfAbsent(new Context(tenant.tenantId(), field), k -> aad(tenant, field).getBytes(StandardCharsets.UTF_8));
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

    /** One HMAC per thread, with the key it was last initialised with (a finished MAC keeps its key). */
    private static final class KeyedMac {
        final Mac mac;
        Object key;

        KeyedMac() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ThreadLocal<KeyedMac> HMAC = ThreadLocal.withInitial(KeyedMac::new);
    private static final byte[] COLON = {':'};

    /** 16 bytes of HMAC-SHA256 over {@code field:value}; the caller normalises the value first. */
    public byte[] blindIndex(TenantContext tenant, String field, String normalisedValue) {
        return blindIndex(keys.of(tenant).index(), field, normalisedValue);
    }

    /**
     * The tenant's keys looked up once, for the many values of a roster import (the lookup cost a
     * twentieth of sealing and indexing). Safe to share between threads.
     */
    public ForTenant forTenant(TenantContext tenant) {
        return new ForTenant(tenant, keys.of(tenant));
    }

    /** {@link #seal} and {@link #blindIndex} for one tenant, with its keys at hand. */
    public static final class ForTenant {
        private final TenantContext tenant;
        private final TenantKeys.Material keys;
        /** The associated data of each field sealed so far (a few fields, sealed 100,000 times each). */
        private final java.util.Map<String, byte[]> aads = new java.util.concurrent.ConcurrentHashMap<>();

        private ForTenant(TenantContext tenant, TenantKeys.Material keys) {
            this.tenant = tenant;
            this.keys = keys;
        }

        public byte[] seal(String field, String value) {
            if (value == null) {
                return null;
            }
            byte[] aad = aads.get(field);
            if (aad == null) {
                aad = aadBytes(tenant, field);
                aads.put(field, aad);
            }
            return Aead.seal(keys.encryption(), value.getBytes(StandardCharsets.UTF_8), aad);
        }

        public byte[] blindIndex(String field, String normalisedValue) {
            return Pii.blindIndex(keys.index(), field, normalisedValue);
        }
    }

    private static byte[] blindIndex(javax.crypto.SecretKey key, String field, String normalisedValue) {
        try {
            KeyedMac k = HMAC.get();
            if (k.key != key) {
                k.mac.init(key);
                k.key = key;
            }
            Mac m = k.mac;
            m.update(field.getBytes(StandardCharsets.UTF_8));
            m.update(COLON);
            byte[] full = m.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException | RuntimeException e) {
            HMAC.remove(); // never leave a half-fed MAC for the next value
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e);
        }
    }

    private static String aad(TenantContext tenant, String field) {
        return "rollcheck:" + tenant.tenantId() + ":" + field;
    }
}
