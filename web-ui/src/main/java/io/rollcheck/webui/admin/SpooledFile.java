package io.rollcheck.webui.admin;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/** An uploaded file spooled to a temporary file; whoever holds it deletes it ({@link #close()}). */
public record SpooledFile(String fileName, String location, long size) implements AutoCloseable, Serializable {

    public Path path() {
        return Path.of(location);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path());
        } catch (IOException ignored) {
            // a temporary file: the OS cleans up
        }
    }
}
