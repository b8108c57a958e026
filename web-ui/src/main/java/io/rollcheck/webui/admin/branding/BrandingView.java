package io.rollcheck.webui.admin.branding;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Branding;
import io.rollcheck.platform.tenancy.TenantBranding;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.webui.admin.AdminNav;
import io.rollcheck.webui.admin.AdminPage;
import io.rollcheck.webui.admin.AdminUpload;
import io.rollcheck.webui.admin.FieldErrors;
import io.rollcheck.webui.admin.SpooledFile;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /admin/branding}: the portal's colour, welcome texts (Chinese and English) and logo, with a
 * preview of the portal's header that follows every keystroke. Saved values reach the portal at once.
 */
@Prototype
@Route(value = "admin/branding", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.TENANT_ADMIN)
class BrandingView extends AdminPage {

    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private final TenantBranding branding;
    private final Input picker = new Input(ValueChangeMode.EAGER);
    private final TextField color = new TextField();
    private final TextArea welcomeZh = new TextArea();
    private final TextArea welcomeEn = new TextArea();
    private final Paragraph message = new Paragraph();
    private final Paragraph logoMessage = new Paragraph();
    private final BrandingPreview preview;

    BrandingView(TenantBranding branding, SignOut signOut) {
        super(signOut, AdminNav.Item.BRANDING, "admin.branding.title");
        this.branding = branding;
        Branding b = tenant.branding() == null ? Branding.defaults() : tenant.branding();
        preview = new BrandingPreview(tenant, () -> branding.logo(tenant));

        picker.setType("color");
        picker.setId("branding-color-picker");
        picker.addClassName("rc-color-input");
        picker.setAriaLabel(getTranslation("admin.branding.color"));
        picker.setValue(b.primaryColor());
        color.setLabel(getTranslation("admin.branding.color"));
        color.setId("branding-color");
        color.setValue(b.primaryColor());
        color.setPattern("#[0-9a-fA-F]{6}");
        color.setMaxLength(7);
        color.setHelperText(getTranslation("admin.branding.colorHelp"));
        color.setPrefixComponent(picker);
        color.setValueChangeMode(ValueChangeMode.EAGER);
        picker.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                color.setValue(e.getValue());
            }
        });
        color.addValueChangeListener(e -> {
            if (COLOR.matcher(e.getValue()).matches()) {
                picker.setValue(e.getValue().toLowerCase(java.util.Locale.ROOT));
            }
            update();
        });
        area(welcomeZh, "admin.branding.welcomeZh", "branding-welcome-zh", b.welcomeZh());
        area(welcomeEn, "admin.branding.welcomeEn", "branding-welcome-en", b.welcomeEn());
        FormLayout form = new FormLayout(color, welcomeZh, welcomeEn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(color, 2);
        Button save = new Button(getTranslation("admin.branding.save"), e -> save());
        save.setId("branding-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        message.setId("branding-message");
        message.setVisible(false);
        Div card = new Div(form, save, message);
        card.addClassName("rc-card");

        H3 logoTitle = new H3(getTranslation("admin.branding.logo"));
        logoTitle.addClassName("rc-card-title");
        Paragraph logoHelp = new Paragraph(getTranslation("admin.branding.logoHelp", TenantBranding.MAX_LOGO_BYTES / 1024));
        logoHelp.addClassName("rc-secondary");
        var upload = AdminUpload.create("branding-logo-upload", TenantBranding.MAX_LOGO_BYTES, List.of(".png", ".jpg", ".jpeg"),
                this::logo, text -> say(logoMessage, text, false));
        logoMessage.setId("branding-logo-message");
        logoMessage.setVisible(false);
        Div logoCard = new Div(logoTitle, logoHelp, upload, logoMessage);
        logoCard.addClassName("rc-card");

        Span previewLabel = new Span(getTranslation("admin.branding.preview"));
        previewLabel.addClassName("rc-preview-label");
        Div layout = new Div(new Div(card, logoCard), new Div(previewLabel, preview));
        layout.addClassName("rc-branding-layout");
        content(heading("branding-title"), layout);
        update();
    }

    private void area(TextArea a, String labelKey, String id, String value) {
        a.setLabel(getTranslation(labelKey));
        a.setId(id);
        a.setMaxLength(500);
        a.setValue(value == null ? "" : value);
        a.setValueChangeMode(ValueChangeMode.EAGER);
        a.addValueChangeListener(e -> update());
        a.setMinHeight("6rem");
    }

    private void update() {
        preview.show(color.getValue(), welcomeZh.getValue(), welcomeEn.getValue());
    }

    private void save() {
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("primaryColor", color, "welcomeZh", welcomeZh,
                "welcomeEn", welcomeEn);
        try {
            branding.update(tenant, user.username(), color.getValue().strip(), welcomeZh.getValue(), welcomeEn.getValue());
            FieldErrors.clear(fields);
            accent(color.getValue().strip()); // this page's own header follows at once
            say(message, getTranslation("admin.branding.saved"), true);
        } catch (ValidationFailed failed) {
            List<String> rest = FieldErrors.show(this, failed, fields);
            if (rest.isEmpty()) {
                message.setVisible(false);
            } else {
                say(message, String.join(" ", rest), false);
            }
        }
    }

    private void logo(SpooledFile f) {
        try (f) {
            branding.setLogo(tenant, user.username(), Files.readAllBytes(f.path()));
            say(logoMessage, getTranslation("admin.branding.logoSaved"), true);
            preview.logoChanged();
        } catch (ValidationFailed failed) {
            say(logoMessage, getTranslation("error." + failed.errors().get(0).code()), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(Paragraph p, String text, boolean ok) {
        p.setText(text);
        p.setClassName(ok ? "rc-success" : "rc-error");
        p.setVisible(true);
    }
}
