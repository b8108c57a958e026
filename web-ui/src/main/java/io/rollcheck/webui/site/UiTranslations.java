package io.rollcheck.webui.site;

import com.vaadin.flow.i18n.I18NProvider;
import io.rollcheck.platform.i18n.Messages;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Vaadin's translations, backed by {@link Messages}: the UI bundles ({@code i18n/student},
 * {@code i18n/ui}) first, then the platform's (error codes). zh-CN is listed first, so it is the
 * language when the browser asks for neither Chinese nor English.
 */
@Singleton
public class UiTranslations implements I18NProvider {

    public static final String BUNDLE = "i18n/ui";
    /** The student self-check's texts (kept apart from {@link #BUNDLE}). */
    public static final String STUDENT_BUNDLE = "i18n/student";
    /** The sign-off chain's screens (class, college, cockpit). */
    public static final String CHAIN_BUNDLE = "i18n/chain";

    static {
        register();
    }

    /** Makes sure the UI bundles are registered (the edge's error pages use them before any view). */
    public static void register() {
        Messages.register(BUNDLE);
        Messages.register(STUDENT_BUNDLE);
        Messages.register(CHAIN_BUNDLE);
        // the back office's error codes (sign-off refusals) the chain's screens show
        Messages.register("i18n/admin");
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Messages.ZH, Messages.EN);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.get(locale, key, params);
    }
}
