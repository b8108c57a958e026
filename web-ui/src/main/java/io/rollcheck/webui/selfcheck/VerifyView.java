package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.tenantadmin.selfcheck.Signatures;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import io.rollcheck.webui.site.Site;

import java.util.Optional;

/**
 * {@code /verify/<code>}, public on the university's host: whether a receipt code is one this
 * university issued, and if so the campaign, version, time signed and the masked name: nothing else
 * personal. A code of another university is unknown here.
 */
@Prototype
@Route(value = "verify", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@AnonymousAllowed
class VerifyView extends PageShell implements HasUrlParameter<String> {

    private final transient Signatures signatures;
    private final Tenant tenant;
    private final TextField code = new TextField();
    private final Div result = new Div();

    VerifyView(Signatures signatures, SignOut signOut) {
        this.signatures = signatures;
        this.tenant = Site.tenant();
        tenantFrame(tenant);
        Site.user().ifPresent(u -> signedIn(u, signOut.button()));
        H2 heading = new H2(getTranslation("verify.title"));
        heading.setId("verify-title");
        Paragraph intro = new Paragraph(getTranslation("verify.intro", tenant.name(getLocale())));
        intro.addClassName("rc-lead");
        code.setLabel(getTranslation("verify.code"));
        code.setId("verify-code");
        code.setPlaceholder("ABCD-EFGH-JKMN");
        code.setMaxLength(20);
        code.setWidthFull();
        code.addClassName("rc-mono");
        Button check = new Button(getTranslation("verify.check"), e -> check(code.getValue()));
        check.setId("verify-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(Key.ENTER).listenOn(code);
        Div form = new Div(intro, code, check);
        form.addClassNames("rc-card", "rc-verify-form");
        result.setId("verify-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
        centred(heading, form, result);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        if (parameter != null && !parameter.isBlank()) {
            code.setValue(parameter);
            check(parameter);
        }
    }

    private void check(String value) {
        result.removeAll();
        Optional<Signatures.Verification> v = signatures.verify(tenant.context(), value);
        result.setClassName("rc-card");
        if (v.isEmpty()) {
            result.addClassName("rc-alert");
            result.getElement().setAttribute("data-genuine", "false");
            Paragraph no = new Paragraph(getTranslation("verify.unknown"));
            no.setId("verify-unknown");
            result.add(no);
            return;
        }
        Signatures.Verification r = v.get();
        result.addClassName("rc-success");
        result.getElement().setAttribute("data-genuine", "true");
        Paragraph ok = new Paragraph(getTranslation("verify.genuine"));
        ok.setId("verify-genuine");
        ok.addClassName("rc-strong");
        result.add(ok,
                Facts.row(getTranslation("receipt.code"), "verify-receipt-code", r.code()),
                Facts.row(getTranslation("receipt.name"), "verify-name", r.maskedName()),
                Facts.row(getTranslation("receipt.campaign"), "verify-campaign", r.campaignName()),
                Facts.row(getTranslation("verify.version"), "verify-version",
                        getTranslation("student.notice.versionValue", r.version())),
                Facts.row(getTranslation("receipt.signedAt"), "verify-signedAt",
                        Dates.dateTime(r.signedAt(), tenant.timeZone(), getLocale())),
                Facts.row(getTranslation("receipt.late"), "verify-late",
                        getTranslation(r.late() ? "receipt.yes" : "receipt.no")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title") + " · " + tenant.name(getLocale());
    }
}
