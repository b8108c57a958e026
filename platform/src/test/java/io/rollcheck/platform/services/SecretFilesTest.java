package io.rollcheck.platform.services;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rollcheck.platform.crypto.MasterKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated secrets (master key, JWT secret, demo password) on disk: owner-only from the first byte. */
class SecretFilesTest {

    @Test
    void a_new_secret_file_exists_only_as_0600_from_before_its_value_is_written() throws IOException {
        Path dir = Files.createDirectories(Files.createTempDirectory("rc-secrets").resolve("data"));
        Path file = dir.resolve("master-key");
        String v = EmbeddedServices.secretFile(file, () -> {
            // when the value is made, the file that will hold it already exists, owner-only
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> present = s.toList();
                assertEquals(1, present.size(), present.toString());
                assertEquals("rw-------", mode(present.get(0)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "secret-value";
        });
        assertEquals("secret-value", v);
        assertEquals("rw-------", mode(file));
        assertEquals("secret-value", Files.readString(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary file is left");
        }
        // a second start reads it and makes nothing new
        assertEquals("secret-value", EmbeddedServices.secretFile(file, () -> "other"));
    }

    @Test
    void an_existing_secret_file_readable_by_others_is_narrowed_to_0600() throws IOException {
        Path file = Files.createTempDirectory("rc-secrets").resolve("jwt-secret");
        Files.writeString(file, "kept-value\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("kept-value", EmbeddedServices.secretFile(file, () -> "new"));
        assertEquals("rw-------", mode(file));
    }

    @Test
    void a_key_file_in_the_data_directory_with_a_configured_database_is_warned_about_at_start(@TempDir Path dir) {
        Logger log = (Logger) LoggerFactory.getLogger(MasterKeys.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            new MasterKeys("", "", dir.toString(), true); // embedded database: the demo setup
            assertTrue(seen.list.isEmpty(), seen.list.toString());
            new MasterKeys(MasterKeys.generate(), "", dir.toString(), false); // key from the environment
            assertTrue(seen.list.isEmpty(), seen.list.toString());
            new MasterKeys("", "", dir.toString(), false);
            assertEquals(1, seen.list.size());
            ILoggingEvent e = seen.list.get(0);
            assertEquals("WARN", e.getLevel().toString());
            assertTrue(e.getFormattedMessage().contains("event=master_key_in_data_dir"), e.getFormattedMessage());
            assertTrue(e.getFormattedMessage().contains("ROLLCHECK_MASTER_KEY"), e.getFormattedMessage());
        } finally {
            log.detachAppender(seen);
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
