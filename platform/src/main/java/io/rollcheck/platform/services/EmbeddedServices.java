package io.rollcheck.platform.services;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;

/**
 * An embedded PostgreSQL and an embedded Redis whose data and ports live in the data directory, so
 * that a stop and a start find everything again. Never assumes a standard port: the first start
 * takes free ports and writes them to {@code ports.properties}; later starts reuse them when free.
 */
public final class EmbeddedServices implements AutoCloseable {

    private final Path dataDir;
    private EmbeddedPostgres postgres;
    private RedisServer redis;
    private int redisPort;

    private EmbeddedServices(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL and Redis (each only when asked for) with their state under {@code dataDir}. */
    public static EmbeddedServices start(Path dataDir, boolean withPostgres, boolean withRedis) {
        EmbeddedServices s = new EmbeddedServices(dataDir);
        try {
            Files.createDirectories(dataDir);
            Properties ports = s.loadPorts();
            if (withPostgres) {
                int pgPort = s.port(ports, "postgres");
                Path pgData = dataDir.resolve("postgres");
                Files.createDirectories(pgData);
                s.postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setPort(pgPort)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
            }
            if (withRedis) {
                s.redisPort = s.port(ports, "redis");
                s.redis = RedisServer.newRedisServer()
                        .port(s.redisPort)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                s.redis.start();
            }
            s.savePorts(ports);
            return s;
        } catch (IOException e) {
            s.close();
            throw new UncheckedIOException("could not start embedded services in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + redisPort;
    }

    private Properties loadPorts() throws IOException {
        Properties p = new Properties();
        Path f = dataDir.resolve("ports.properties");
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            }
        }
        return p;
    }

    private void savePorts(Properties p) throws IOException {
        try (OutputStream out = Files.newOutputStream(dataDir.resolve("ports.properties"))) {
            p.store(out, "ports of the embedded services of this data directory");
        }
    }

    /** The remembered port if it is still free, else a new free one (remembered from now on). */
    private int port(Properties ports, String name) throws IOException {
        String remembered = ports.getProperty(name);
        if (remembered != null && isFree(Integer.parseInt(remembered))) {
            return Integer.parseInt(remembered);
        }
        int p = freePort();
        ports.setProperty(name, Integer.toString(p));
        return p;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes a secret file readable by the owner only (mode 0600), creating it with {@code value} if missing. */
    public static String secretFile(Path file, java.util.function.Supplier<String> value) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            String v = value.get();
            Files.writeString(file, v);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: nothing more to do
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (redis != null) {
                redis.stop();
            }
        } catch (IOException ignored) {
            // stopping anyway
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // stopping anyway
        }
    }
}
