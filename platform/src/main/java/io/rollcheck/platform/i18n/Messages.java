package io.rollcheck.platform.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every text a person reads comes from here: bundles {@code i18n/platform} (this module) and those
 * other modules register (the UI's). zh-CN is the default; English is the only other language.
 */
public final class Messages {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final List<String> BASE_NAMES = new CopyOnWriteArrayList<>(List.of("i18n/platform"));

    private Messages() {
    }

    /** Adds a bundle base name searched before the platform's own. */
    public static void register(String baseName) {
        if (!BASE_NAMES.contains(baseName)) {
            BASE_NAMES.add(0, baseName);
        }
    }

    /** zh-CN unless the locale's language is English. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? EN : ZH;
    }

    /** The text for {@code key} in {@code locale}, formatted with {@code args}; the key itself if missing. */
    public static String get(Locale locale, String key, Object... args) {
        Locale l = supported(locale);
        for (String base : BASE_NAMES) {
            try {
                ResourceBundle b = ResourceBundle.getBundle(base, l, Messages.class.getClassLoader(), NO_FALLBACK);
                if (b.containsKey(key)) {
                    String pattern = b.getString(key);
                    return args.length == 0 ? pattern : new MessageFormat(pattern, l).format(args);
                }
            } catch (MissingResourceException ignored) {
                // bundle not on this class path: try the next
            }
        }
        return key;
    }

    /** Parses an Accept-Language header to a supported locale. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange r : ranges) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return ZH;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // malformed header: default language
        }
        return ZH;
    }
}
