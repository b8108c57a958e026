package io.rollcheck.webui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the bundle tests share: a bundle's keys, and the keys the UI's sources name but a bundle lacks. */
public final class BundleChecks {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "rollcheck", "webui");

    private BundleChecks() {
    }

    /** The keys of a properties bundle on the class path (read as UTF-8). */
    public static Set<String> keys(String resource) {
        Properties p = new Properties();
        try (InputStream in = BundleChecks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundle " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    /**
     * Every string literal in the UI's sources that starts with one of {@code prefixes} (e.g.
     * {@code "chain."}) and is not a key of {@code resource}, with the file naming it.
     */
    public static Set<String> namedButMissing(String resource, String... prefixes) {
        Set<String> known = keys(resource);
        StringBuilder alternatives = new StringBuilder();
        for (String prefix : prefixes) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(prefix));
        }
        Pattern literal = Pattern.compile("\"((?:" + alternatives + ")[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return missing;
    }
}
