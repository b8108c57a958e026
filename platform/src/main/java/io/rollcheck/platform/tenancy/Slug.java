package io.rollcheck.platform.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a tenant slug (its host label) and the schema name derived from it. One place,
 * used by sign-up, resolution and provisioning.
 */
public final class Slug {

    public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9-]{1,30}[a-z0-9]$");
    private static final Pattern SCHEMA = Pattern.compile("^t_[a-z][a-z0-9_]{1,30}[a-z0-9]$");

    /** Host labels that name parts of the platform or are too easy to confuse with it. */
    public static final Set<String> RESERVED = Set.of(
            "www", "api", "admin", "platform", "static", "assets", "app", "apps", "auth", "login",
            "logout", "oauth", "sso", "cdn", "mail", "smtp", "imap", "pop", "ftp", "ns1", "ns2",
            "dns", "status", "health", "metrics", "operator", "operators", "support", "help",
            "docs", "blog", "dev", "test", "staging", "prod", "rollcheck", "vaadin", "public",
            "root", "system", "signup", "register", "verify", "localhost");

    private Slug() {
    }

    /** Error code for a candidate slug, or empty when it is acceptable. */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Optional.of("slug.required");
        }
        if (!PATTERN.matcher(candidate).matches()) {
            return Optional.of("slug.format");
        }
        if (candidate.contains("--")) {
            return Optional.of("slug.format");
        }
        if (RESERVED.contains(candidate)) {
            return Optional.of("slug.reserved");
        }
        return Optional.empty();
    }

    public static boolean isValid(String candidate) {
        return problem(candidate).isEmpty();
    }

    /** The schema of a valid slug: {@code t_<slug>} with {@code -} turned into {@code _}. */
    public static String schemaOf(String slug) {
        if (!isValid(slug)) {
            throw new IllegalArgumentException("invalid slug");
        }
        return "t_" + slug.replace('-', '_');
    }

    static boolean isSchemaName(String schema) {
        return SCHEMA.matcher(schema).matches();
    }

    /** Normalises what a person typed (trim, lower case); the result still has to be validated. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }
}
