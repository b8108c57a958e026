package io.rollcheck.tenantadmin;

import io.micronaut.http.multipart.CompletedFileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** An uploaded file spooled to a temporary file (deleted afterwards), never held whole in memory. */
public final class Uploads {

    /** Work on the spooled file. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Path file) throws IOException;
    }

    private Uploads() {
    }

    /** Spools at most {@code maxBytes}; a larger upload throws what {@code tooLarge} gives, having read no further. */
    public static <T> T withTempFile(CompletedFileUpload upload, long maxBytes, Supplier<RuntimeException> tooLarge,
                                     Work<T> work) throws IOException {
        Path tmp = Files.createTempFile("rollcheck-upload-", ".bin");
        try {
            long size = 0;
            try (InputStream in = upload.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                int r;
                while ((r = in.read(buf)) > 0) {
                    size += r;
                    if (size > maxBytes) {
                        throw tooLarge.get();
                    }
                    out.write(buf, 0, r);
                }
            }
            return work.apply(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
