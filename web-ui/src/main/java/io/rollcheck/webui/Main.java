package io.rollcheck.webui;

import io.rollcheck.platform.security.Tokens;
import io.rollcheck.platform.services.EmbeddedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar rollcheck.jar}: with no configuration, an embedded PostgreSQL and Redis under the
 * data directory and a demo university; with {@code ROLLCHECK_DB_URL} / {@code ROLLCHECK_REDIS_URL},
 * those services. Prints where everything is and the logins.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        int uiPort = Integer.parseInt(env.getOrDefault("ROLLCHECK_HTTP_PORT", "8080"));
        int apiPort = Integer.parseInt(env.getOrDefault("ROLLCHECK_API_PORT", "8081"));
        Path dataDir = Path.of(env.getOrDefault("ROLLCHECK_DATA_DIR", System.getProperty("user.home") + "/.rollcheck"));
        String dbUrl = blankToNull(env.get("ROLLCHECK_DB_URL"));
        String redisUrl = blankToNull(env.get("ROLLCHECK_REDIS_URL"));
        boolean demo = Boolean.parseBoolean(env.getOrDefault("ROLLCHECK_DEMO", "true"));
        String baseDomain = env.getOrDefault("ROLLCHECK_BASE_DOMAIN", "localhost");

        EmbeddedServices embedded = null;
        if (dbUrl == null || redisUrl == null) {
            LOG.info("event=embedded_services_starting data_dir={} postgres={} redis={}", dataDir, dbUrl == null,
                    redisUrl == null);
            embedded = EmbeddedServices.start(dataDir, dbUrl == null, redisUrl == null);
        }
        Map<String, Object> p = new HashMap<>();
        if (dbUrl == null) {
            p.put("rollcheck.db.url", embedded.jdbcUrl());
            p.put("rollcheck.db.user", "postgres");
            p.put("rollcheck.db.password", "");
            p.put("rollcheck.db.embedded", true);
        } else {
            p.put("rollcheck.db.url", dbUrl);
            p.put("rollcheck.db.user", env.getOrDefault("ROLLCHECK_DB_USER", "postgres"));
            p.put("rollcheck.db.password", env.getOrDefault("ROLLCHECK_DB_PASSWORD", ""));
        }
        p.put("rollcheck.redis.url", redisUrl == null ? embedded.redisUrl() : redisUrl);
        p.put("rollcheck.base-domain", baseDomain);
        // the generated master key (when ROLLCHECK_MASTER_KEY is unset) lives here, mode 0600
        p.put("rollcheck.data-dir", dataDir.toString());
        p.put("micronaut.server.port", apiPort);
        String publicPort = blankToNull(env.get("ROLLCHECK_PUBLIC_PORT"));
        p.put("rollcheck.public.port", publicPort == null ? uiPort : Integer.parseInt(publicPort));
        String jwt = blankToNull(env.get("ROLLCHECK_JWT_SECRET"));
        p.put("rollcheck.jwt-secret", jwt != null ? jwt
                : EmbeddedServices.secretFile(dataDir.resolve("jwt-secret"), Main::randomSecret));
        String operatorPassword = blankToNull(env.get("ROLLCHECK_OPERATOR_PASSWORD"));
        if (operatorPassword != null) {
            p.put("rollcheck.operator-password", operatorPassword);
        }
        String demoPassword = null;
        if (demo) {
            demoPassword = blankToNull(env.get("ROLLCHECK_DEMO_PASSWORD"));
            if (demoPassword == null) {
                demoPassword = EmbeddedServices.secretFile(dataDir.resolve("demo-password"), Tokens::password);
            }
            p.put(RollcheckApp.DEMO, true);
            p.put(RollcheckApp.DEMO_PASSWORD, demoPassword);
        }

        if (args.length > 0 && "rotate-master-key".equals(args[0])) {
            rotateMasterKey(p, embedded);
            return;
        }
        RollcheckApp app;
        try {
            app = RollcheckApp.start(p, uiPort);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        EmbeddedServices services = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("event=shutdown");
            try {
                app.close();
            } finally {
                if (services != null) {
                    services.close();
                }
            }
        }, "rollcheck-shutdown"));
        System.out.println(banner(app, demo, demoPassword));
    }

    /**
     * Re-wraps every tenant data key under the current master key: run with ROLLCHECK_MASTER_KEY set
     * to the new key and ROLLCHECK_MASTER_KEY_PREVIOUS to the old one, while the application keeps
     * serving (its nodes configured the same way); then drop the previous key everywhere.
     */
    static void rotateMasterKey(Map<String, Object> p, EmbeddedServices embedded) {
        try (io.micronaut.context.ApplicationContext ctx = io.micronaut.context.ApplicationContext.builder()
                .properties(p).deduceEnvironment(false).start()) {
            ctx.getBean(io.rollcheck.platform.PlatformStartup.class).run();
            int n = ctx.getBean(io.rollcheck.platform.crypto.TenantKeys.class).rotateToCurrentMasterKey();
            System.out.println("Re-wrapped " + n + " data key(s) under master key "
                    + ctx.getBean(io.rollcheck.platform.crypto.MasterKeys.class).currentId());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static String banner(RollcheckApp app, boolean demo, String demoPassword) {
        String line = "-".repeat(72);
        StringBuilder b = new StringBuilder().append('\n').append(line).append('\n')
                .append("  Rollcheck is running\n\n")
                .append("  Platform site (sign-up, operator console): ").append(app.urls().platform()).append('\n')
                .append("  Operator console:                          ").append(app.urls().platform()).append("/operator\n");
        if (demo) {
            b.append("  Demo university portal:                    ").append(app.urls().portal("demo")).append('\n');
        }
        b.append("  REST API:                                  http://localhost:").append(app.apiPort()).append("/api\n")
                .append("  UI port ").append(app.uiPort()).append(", API port ").append(app.apiPort()).append('\n').append('\n');
        app.generatedOperatorPassword().ifPresentOrElse(
                pw -> b.append("  Operator login: operator / ").append(pw).append("   (generated: shown this once)\n"),
                () -> b.append("  Operator login: operator / (ROLLCHECK_OPERATOR_PASSWORD, or the one printed at first start)\n"));
        if (demo) {
            b.append("  Demo logins at ").append(app.urls().portal("demo")).append(", password ").append(demoPassword).append('\n')
                    .append("    registrar admin, college staff college, counselor counselor, class monitor monitor,\n")
                    .append("    students 2025000001 ... 2025000060\n");
        }
        return b.append(line).append('\n').toString();
    }

    private static String randomSecret() {
        byte[] b = new byte[48];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
