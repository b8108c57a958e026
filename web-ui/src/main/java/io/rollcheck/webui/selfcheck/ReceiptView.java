package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.ReceiptPdf;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.tenantadmin.selfcheck.Signatures;
import io.rollcheck.platform.tenancy.PublicUrls;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.Locale;

/**
 * {@code /check/receipt}: the student's receipt: the verification code, what was signed and when, the
 * PDF to keep (generated when downloaded) and the public page where anyone can check it is genuine.
 */
@Prototype
@Route(value = ReceiptView.ROUTE, registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.STUDENT)
class ReceiptView extends StudentPage {

    static final String ROUTE = "check/receipt";

    ReceiptView(SelfCheck check, Signatures signatures, PublicUrls urls, SignOut signOut) {
        super(signOut, "student.receipt.title");
        load(check).ifPresent(s -> {
            nav(ROUTE, s.unreadMessages());
            H2 heading = new H2(getTranslation("student.receipt.title"));
            heading.setId("receipt-title");
            content(heading);
            signatures.latestReceipt(tenant.context(), studentId()).ifPresentOrElse(r -> show(s, r, urls), () -> {
                Markup none = new Markup().element("p", getTranslation("student.receipt.none"));
                StatusBanner.nextStep(none, this, s);
                content(none.html("div", "id", "receipt-none", "class", "rc-card rc-info-card"));
            });
        });
    }

    private void show(CheckState s, Signatures.Receipt r, PublicUrls urls) {
        Locale locale = getLocale();
        ZoneId zone = Dates.zone(tenant.timeZone());
        Div ok = new Div(new Paragraph(getTranslation("student.receipt.signed",
                Dates.dateTime(r.signedAt(), tenant.timeZone(), locale))));
        ok.setId("receipt-ok");
        ok.addClassNames("rc-card", "rc-success");
        ok.getElement().setAttribute("role", "status");
        content(ok);
        if (s.status() == CheckState.Status.RECONFIRM) {
            Div again = new Div(new Paragraph(getTranslation("student.status.detail.RECONFIRM", s.version())));
            again.setId("receipt-reconfirm");
            again.addClassNames("rc-card", "rc-alert");
            Anchor sign = new Anchor("/" + SignView.ROUTE, getTranslation("student.next.SIGN"));
            sign.addClassNames("rc-button", "rc-button-primary");
            again.add(sign);
            content(again);
        }
        Span codeLabel = new Span(getTranslation("receipt.code"));
        codeLabel.addClassName("rc-field-label");
        Span code = new Span(r.code());
        code.setId("receipt-code");
        code.addClassName("rc-code");
        Div card = new Div(codeLabel, code);
        card.setId("receipt");
        card.addClassNames("rc-card", "rc-receipt");
        card.add(Facts.row(getTranslation("receipt.campaign"), "receipt-campaign",
                        r.campaignName() + " · " + getTranslation("student.notice.versionValue", r.version())),
                Facts.row(getTranslation("receipt.name"), "receipt-name", r.maskedName()),
                Facts.row(getTranslation("receipt.signedAt"), "receipt-signedAt",
                        Dates.dateTime(r.signedAt(), tenant.timeZone(), locale)),
                Facts.row(getTranslation("receipt.method"), "receipt-method",
                        getTranslation("receipt.method." + r.method())),
                Facts.row(getTranslation("receipt.late"), "receipt-late",
                        getTranslation(r.late() ? "receipt.yes" : "receipt.no")),
                Facts.row(getTranslation("receipt.sha256"), "receipt-sha", r.contentSha256()));
        String verifyUrl = urls.portal(tenant.slug()) + "/verify/" + r.code();
        String university = tenant.name(locale);
        DownloadHandler pdf = event -> {
            byte[] bytes = ReceiptPdf.render(r, university, verifyUrl, zone, locale);
            event.setFileName("receipt-" + r.code() + ".pdf");
            event.setContentType("application/pdf");
            event.setContentLength(bytes.length);
            event.getResponse().setHeader("Cache-Control", "no-store");
            event.getOutputStream().write(bytes);
        };
        Anchor download = new Anchor(pdf, getTranslation("student.receipt.pdf"));
        download.setId("receipt-pdf");
        download.addClassNames("rc-button", "rc-button-primary");
        Anchor verify = new Anchor("/verify/" + r.code(), getTranslation("student.receipt.verify"));
        verify.setId("receipt-verify");
        verify.addClassNames("rc-button", "rc-button-secondary");
        Paragraph hint = new Paragraph(getTranslation("student.receipt.verifyHint", verifyUrl));
        hint.setId("receipt-verify-url");
        hint.addClassNames("rc-secondary", "rc-wrap");
        Div actions = new Div(download, verify);
        actions.addClassName("rc-buttons");
        card.add(actions, hint);
        content(card);
    }

}
