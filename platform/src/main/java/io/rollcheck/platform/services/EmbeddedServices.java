package io.rollcheck.platform.services;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An embedded PostgreSQL and an embedded Redis whose data and ports live in the data directory, so
 * that a stop and a start find everything again. Never assumes a standard port: the first start
 * takes free ports and writes them to {@code ports.properties}; later starts reuse them when free.
 */
public final class EmbeddedServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);

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

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * The secret kept in {@code file}, created with {@code value} if missing. A new file never exists
     * with a wider mode than 0600: the value is written to a temporary file in the same directory that
     * is created 0600, which is then linked into place (an atomic step that never replaces a file a
     * concurrent start made first; that one's value wins). An existing file readable by others is
     * narrowed to 0600, with a warning, instead of being kept as it is.
     */
    public static String secretFile(Path file, Supplier<String> value) {
        try {
            if (Files.exists(file)) {
                tighten(file);
                return Files.readString(file).strip();
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
            Path tmp = posix
                    ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                String v = value.get();
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(ByteBuffer.wrap(v.getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                }
                try {
                    Files.createLink(file, tmp);
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, file); // no hard links here: a plain rename, still refusing to replace
                }
                return v;
            } catch (FileAlreadyExistsException lost) {
                // another process created it meanwhile: use its value
                return Files.readString(file).strip();
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void tighten(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system
        }
        Set<PosixFilePermission> mode = view.readAttributes().permissions();
        if (!OWNER_ONLY.containsAll(mode)) {
            LOG.warn("event=secret_file_mode_narrowed file={} was={} now=rw-------", file,
                    PosixFilePermissions.toString(mode));
            view.setPermissions(OWNER_ONLY);
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
