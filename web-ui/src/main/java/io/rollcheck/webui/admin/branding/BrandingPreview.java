package io.rollcheck.webui.admin.branding;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantBranding;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A small copy of the portal's top (header bar with logo and name, the welcome card) in the colour
 * and texts being edited, in either language.
 */
class BrandingPreview extends Div {

    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private final Tenant tenant;
    private final SerializableSupplier<Optional<TenantBranding.Logo>> logo;
    private final Div bar = new Div();
    private final Image image = new Image();
    private final Span name = new Span();
    private final Paragraph welcome = new Paragraph();
    private final RadioButtonGroup<Locale> language = new RadioButtonGroup<>();
    private String color;
    private String zh;
    private String en;
    private int logoVersion;

    BrandingPreview(Tenant tenant, SerializableSupplier<Optional<TenantBranding.Logo>> logo) {
        this.tenant = tenant;
        this.logo = logo;
        setId("branding-preview");
        addClassName("rc-branding-preview");
        getElement().setAttribute("aria-live", "polite");
        image.setId("branding-preview-logo");
        image.addClassName("rc-preview-logo");
        image.setAlt(getTranslation("admin.branding.logo"));
        name.setId("branding-preview-name");
        name.addClassName("rc-preview-name");
        bar.add(image, name);
        bar.setId("branding-preview-bar");
        bar.addClassName("rc-preview-bar");
        welcome.setId("branding-preview-welcome");
        Div hero = new Div(welcome);
        hero.addClassNames("rc-preview-hero");
        language.setId("branding-preview-language");
        language.setItems(Messages.ZH, Messages.EN);
        language.setItemLabelGenerator(l -> getTranslation("admin.branding.previewIn." + l.getLanguage()));
        language.setValue("en".equals(getLocale().getLanguage()) ? Messages.EN : Messages.ZH);
        language.addValueChangeListener(e -> render());
        add(bar, hero, language);
        logoChanged();
    }

    void show(String color, String welcomeZh, String welcomeEn) {
        this.color = color;
        this.zh = welcomeZh;
        this.en = welcomeEn;
        render();
    }

    /** Loads the stored logo again (a new address, so the browser does not keep the old picture). */
    void logoChanged() {
        boolean has = logo.get().isPresent();
        image.setVisible(has);
        if (has) {
            logoVersion++;
            image.setSrc(DownloadHandler.fromInputStream(event -> logo.get()
                    .map(l -> new DownloadResponse(new ByteArrayInputStream(l.bytes()), "logo-" + logoVersion, l.contentType(),
                            l.bytes().length))
                    .orElseGet(() -> DownloadResponse.error(404))));
        }
    }

    private void render() {
        Locale l = language.getValue() == null ? Messages.ZH : language.getValue();
        boolean english = "en".equals(l.getLanguage());
        getStyle().set("--rc-preview-color", color != null && COLOR.matcher(color).matches() ? color : "#1f5fa8");
        name.setText(tenant.name(l));
        String text = english ? en : zh;
        welcome.setText(text == null || text.isBlank()
                ? Messages.get(l, "portal.welcome", tenant.name(l)) : text.strip());
    }
}
