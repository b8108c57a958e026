package io.rollcheck.platform.testing;

import io.rollcheck.platform.services.EmbeddedServices;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Real PostgreSQL and Redis for tests, found in this order: the services named by
 * {@code ROLLCHECK_TEST_DB_URL} (+ {@code _USER}, {@code _PASSWORD}) and {@code ROLLCHECK_TEST_REDIS_URL};
 * else containers when a Docker engine answers; else embedded binaries from Maven Central. Each test
 * JVM gets a database of its own (dropped at exit) and a Redis key prefix of its own.
 */
public final class TestServices {

    private static TestServices instance;
    /** One master key per test JVM, shared by every instance (as nodes of one deployment share theirs). */
    public static final String MASTER_KEY = io.rollcheck.platform.crypto.MasterKeys.generate();

    public final String serverUrl;
    public final String user;
    public final String password;
    public final String redisUrl;
    public final String database;
    public final String redisPrefix;
    public final String origin;
    /** Benchmarks that hand their database to a later step (ROLLCHECK_TEST_KEEP_DB) keep it at exit. */
    private final boolean keepDatabase;

    private TestServices(String serverUrl, String user, String password, String redisUrl, String origin) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.redisUrl = redisUrl;
        this.origin = origin;
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String keep = System.getenv("ROLLCHECK_TEST_KEEP_DB");
        this.keepDatabase = keep != null && keep.matches("[a-z][a-z0-9_]{0,40}");
        this.database = keepDatabase ? keep : "rc_test_" + run;
        this.redisPrefix = "rctest:" + run + ":";
    }

    public static synchronized TestServices get() {
        if (instance == null) {
            writeFixtureValues();
            instance = locate();
            instance.createDatabase();
        }
        return instance;
    }

    /** Lists the fixture personal values for the log scan that runs after the tests (infra module). */
    private static void writeFixtureValues() {
        try {
            java.nio.file.Path f = java.nio.file.Path.of("target", "pii-fixtures.txt");
            java.nio.file.Files.createDirectories(f.getParent());
            java.util.List<String> values = new java.util.ArrayList<>(Fixtures.ID_NUMBERS);
            values.addAll(Fixtures.PHONES);
            java.nio.file.Files.write(f, values);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestServices locate() {
        String dbUrl = System.getenv("ROLLCHECK_TEST_DB_URL");
        String redisUrl = System.getenv("ROLLCHECK_TEST_REDIS_URL");
        String user = env("ROLLCHECK_TEST_DB_USER", "postgres");
        String password = env("ROLLCHECK_TEST_DB_PASSWORD", "");
        String origin = "env";
        if (dbUrl == null || redisUrl == null) {
            if (dockerAvailable()) {
                origin = "testcontainers";
                if (dbUrl == null) {
                    PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17-alpine");
                    pg.start();
                    dbUrl = pg.getJdbcUrl();
                    user = pg.getUsername();
                    password = pg.getPassword();
                }
                if (redisUrl == null) {
                    GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
                    redis.start();
                    redisUrl = "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
                }
            } else {
                origin = "embedded";
                try {
                    Path dir = Files.createTempDirectory("rollcheck-test-services");
                    EmbeddedServices e = EmbeddedServices.start(dir, dbUrl == null, redisUrl == null);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        e.close();
                        deleteTree(dir); // a test database is 2 GB on disk: none may outlive its JVM
                    }));
                    if (dbUrl == null) {
                        dbUrl = e.jdbcUrl();
                        user = "postgres";
                        password = "";
                    }
                    if (redisUrl == null) {
                        redisUrl = e.redisUrl();
                    }
                } catch (java.io.IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return new TestServices(dbUrl, user, password, redisUrl, origin);
    }

    /** Deletes {@code dir}, again while a stopping server still writes its last files into it. */
    private static void deleteTree(Path dir) {
        for (int attempt = 0; attempt < 10 && Files.exists(dir); attempt++) {
            try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                // files vanishing under the walk: try again
            }
            if (Files.exists(dir)) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** JDBC URL of this JVM's own database. */
    public String jdbcUrl() {
        int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
        int q = serverUrl.indexOf('?');
        String base = serverUrl.substring(0, slash + 1);
        return base + database + (q > 0 ? serverUrl.substring(q) : "");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        if (keepDatabase) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // best effort at exit
            }
        }));
    }

    /** Properties for an application context on these services. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("rollcheck.db.url", jdbcUrl());
        p.put("rollcheck.db.user", user);
        p.put("rollcheck.db.password", password);
        p.put("rollcheck.redis.url", redisUrl);
        p.put("rollcheck.redis.prefix", redisPrefix);
        p.put("rollcheck.jwt-secret", "test-secret-" + database + "-0123456789abcdef0123456789abcdef");
        p.put("rollcheck.base-domain", "localhost");
        p.put("rollcheck.operator-password", TestApp.OPERATOR_PASSWORD);
        p.put("rollcheck.master-key", MASTER_KEY);
        p.put("micronaut.server.port", -1);
        // every test request comes from 127.0.0.1: the per-IP limit has its own test
        p.put("rollcheck.security.ip-failures-per-minute", 100_000);
        p.put("datasources.default.maximum-pool-size", 8);
        return p;
    }
}
