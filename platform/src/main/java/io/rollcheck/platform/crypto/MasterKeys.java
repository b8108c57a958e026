package io.rollcheck.platform.crypto;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.services.EmbeddedServices;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The master key (env {@code ROLLCHECK_MASTER_KEY}, 32 bytes in base64) and, during a rotation, the
 * previous ones ({@code ROLLCHECK_MASTER_KEY_PREVIOUS}, comma-separated). Tenant data keys are
 * wrapped by the current key; older keys only ever unwrap. A key is named by the first 8 bytes of
 * its SHA-256, stored beside every wrapped key.
 */
@Singleton
public class MasterKeys {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    public MasterKeys(@Value("${rollcheck.master-key:}") String configured,
                      @Value("${rollcheck.master-key-previous:}") String previous,
                      @Value("${rollcheck.data-dir:}") String dataDir,
                      @Value("${rollcheck.db.embedded:false}") boolean embeddedDatabase) {
        String current = configured;
        if (current == null || current.isBlank()) {
            if (dataDir == null || dataDir.isBlank()) {
                throw new IllegalStateException("ROLLCHECK_MASTER_KEY is not set (and there is no data directory to keep a generated one)");
            }
            // embedded default: generated once into the data directory, readable by the owner only
            Path file = Path.of(dataDir, "master-key");
            current = EmbeddedServices.secretFile(file, MasterKeys::generate);
            if (!embeddedDatabase) {
                // the key beside an embedded database is a demo; beside a real one, whoever gets a
                // copy of the data directory (or its backup) and the database reads every record
                LOG.warn("event=master_key_in_data_dir file={} database=configured"
                        + " advice=\"set ROLLCHECK_MASTER_KEY from a secret store or KMS; see docs/operations.md\"", file);
            }
        }
        SecretKey c = parse(current);
        this.currentId = idOf(c);
        keys.put(currentId, c);
        if (previous != null && !previous.isBlank()) {
            for (String p : previous.split(",")) {
                SecretKey k = parse(p.strip());
                keys.putIfAbsent(idOf(k), k);
            }
        }
    }

    public String currentId() {
        return currentId;
    }

    public SecretKey current() {
        return keys.get(currentId);
    }

    public Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    static SecretKey parse(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("master key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("master key must be 32 bytes (base64 of 256 bits)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    static String idOf(SecretKey key) {
        return HexFormat.of().formatHex(Sha256.of(key.getEncoded()), 0, 8);
    }

    /** A new random master key in the form the environment variable takes. */
    public static String generate() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
