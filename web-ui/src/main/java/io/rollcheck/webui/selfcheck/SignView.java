package io.rollcheck.webui.selfcheck;

import io.rollcheck.webui.site.PasswordPrompt;
import io.rollcheck.webui.site.Reauth;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.tenantadmin.selfcheck.Signatures;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /check/sign}: once every field is answered, the student reads exactly what he signs and
 * signs it with his password again; the receipt follows. The platform refuses a signature whose
 * content changed since this page showed it.
 */
@Prototype
@Route(value = SignView.ROUTE, registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.STUDENT)
class SignView extends StudentPage {

    static final String ROUTE = "check/sign";

    private final transient Signatures signatures;
    private final transient Reauth reauth;
    private final Paragraph error = new Paragraph();

    SignView(SelfCheck check, Signatures signatures, Reauth reauth, SignOut signOut) {
        super(signOut, "student.sign.title");
        this.signatures = signatures;
        this.reauth = reauth;
        load(check).ifPresent(s -> {
            nav(ROUTE, s.unreadMessages());
            H2 heading = new H2(getTranslation("student.sign.title"));
            heading.setId("sign-title");
            content(heading);
            if (s.status() == CheckState.Status.SIGNED) {
                content(message("sign-already", "student.sign.already", ReceiptView.ROUTE, "student.next.DONE"));
            } else if (!s.complete()) {
                content(message("sign-incomplete", "student.sign.incomplete", StudentNav.FIELDS, "student.next.CHECK_FIELDS",
                        s.fields().size() - s.answered()));
            } else if (s.phase() == CheckState.Phase.NOT_OPEN || s.phase() == CheckState.Phase.CLOSED) {
                content(message("sign-closed", "student.fields.closed." + s.phase(), StudentNav.GUIDE,
                        "student.next.CONTACT_OFFICE"));
            } else {
                form(s);
            }
        });
    }

    private void form(CheckState s) {
        Signatures.Preview preview = signatures.preview(tenant.context(), tenant.slug(), studentId());
        Paragraph intro = new Paragraph(getTranslation("student.sign.intro"));
        intro.addClassName("rc-lead");
        content(intro);
        if (s.status() == CheckState.Status.RECONFIRM) {
            content(card("sign-reconfirm", "rc-info-card", getTranslation("student.status.detail.RECONFIRM", s.version())));
        }
        if (s.phase() == CheckState.Phase.LATE) {
            content(card("sign-late", "rc-alert", getTranslation("student.sign.late")));
        }
        PasswordPrompt prompt = new PasswordPrompt("sign", reauth.hasPassword(tenant.context(), user.username()));
        error.setId("sign-error");
        error.addClassName("rc-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        Button sign = new Button(getTranslation("student.sign.submit"), e -> sign(prompt, preview.contentSha256()));
        sign.setId("sign-submit");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        sign.setWidthFull();
        Div confirm = new Div(prompt, error, sign);
        confirm.setId("sign-confirm");
        confirm.addClassNames("rc-card", "rc-sign-confirm");
        content(new SignedContent(preview), confirm);
    }

    private void sign(PasswordPrompt prompt, String sha) {
        error.setVisible(false);
        var refused = reauth.check(tenant.context(), user.username(), prompt, Site.ip());
        if (refused.isPresent()) {
            Reauth.show(prompt, refused.get());
            return;
        }
        try {
            signatures.sign(tenant.context(), tenant.slug(), user.username(), studentId(), Reauth.method(prompt), sha,
                    Site.ip(), Site.userAgent());
            getUI().ifPresent(ui -> ui.navigate(ReceiptView.ROUTE));
        } catch (Conflict c) {
            error.setText(getTranslation("problem." + c.code()));
            error.setVisible(true);
        } catch (ValidationFailed v) {
            error.setText(getTranslation("error." + v.errors().get(0).code()));
            error.setVisible(true);
        }
    }

    private Div message(String id, String key, String route, String linkKey, Object... args) {
        Div box = card(id, "rc-info-card", getTranslation(key, args));
        Anchor a = new Anchor("/" + route, getTranslation(linkKey));
        a.setId(id + "-link");
        a.addClassNames("rc-button", "rc-button-primary");
        box.add(a);
        return box;
    }

    private static Div card(String id, String kind, String text) {
        Div box = new Div(new Paragraph(text));
        box.setId(id);
        box.addClassNames("rc-card", kind);
        return box;
    }
}
