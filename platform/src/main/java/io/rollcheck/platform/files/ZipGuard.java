package io.rollcheck.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Office files (XLSX, DOCX) are ZIP archives: before any parser sees one, every entry is inflated
 * through the central directory with a byte budget (declared sizes are not trusted). An archive
 * that inflates past the budget is a bomb.
 */
public final class ZipGuard {

    /** What an archive turned out to be. */
    public enum Verdict { OK, BOMB, CORRUPT }

    /** The result of an inspection: the verdict and, when OK, the entry names. */
    public record Inspection(Verdict verdict, Set<String> entries) {
    }

    private ZipGuard() {
    }

    /** Inflates everything, allowing at most {@code ratio} × the file size + 10 MB and never more than {@code cap}. */
    public static Inspection inspect(Path file, long fileSize, int ratio, long cap) throws IOException {
        long budget = Math.min(cap, fileSize * ratio + 10L * 1024 * 1024);
        long total = 0;
        Set<String> names = new LinkedHashSet<>();
        byte[] buf = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                names.add(e.getName());
                try (InputStream in = zip.getInputStream(e)) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        total += r;
                        if (total > budget) {
                            return new Inspection(Verdict.BOMB, Set.of());
                        }
                    }
                }
            }
        } catch (ZipException ex) {
            return new Inspection(Verdict.CORRUPT, Set.of());
        }
        return new Inspection(Verdict.OK, names);
    }
}
