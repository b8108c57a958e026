package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.tenantadmin.campaign.FaqSearch;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * {@code /check/account}: "I cannot log in to CHSI / CHSI has no record of me". The FAQ entries that
 * match the problem (then the student's own words) come first; if they do not help, the problem goes
 * to the registrar as an account report.
 */
@Prototype
@Route(value = AccountProblemView.ROUTE, registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.STUDENT)
class AccountProblemView extends StudentPage {

    static final String ROUTE = "check/account";
    private static final List<String> KINDS = List.of("LOGIN", "NO_RECORD", "OTHER");

    AccountProblemView(SelfCheck check, PublishedCampaigns campaigns, FaqSearch faq, ErrorReports reports,
                       SignOut signOut) {
        super(signOut, "student.account.title");
        load(check).ifPresent(s -> {
            nav(ROUTE, s.unreadMessages());
            H2 heading = new H2(getTranslation("student.account.title"));
            heading.setId("account-title");
            Paragraph intro = new Paragraph(getTranslation("student.account.intro"));
            intro.addClassName("rc-lead");
            content(heading, intro);
            campaigns.open(tenant.context(), s.campaignId()).ifPresent(c -> form(c, faq, reports));
        });
    }

    /**
     * The words that find a problem's FAQ entries, in both languages: the FAQ is written in the
     * campaign's language, whatever language the student reads the page in.
     */
    private static String query(String kind) {
        return Messages.get(Messages.ZH, "student.account.query." + kind) + " "
                + Messages.get(Messages.EN, "student.account.query." + kind);
    }

    private void form(PublishedCampaign c, FaqSearch faq, ErrorReports reports) {
        RadioButtonGroup<String> kind = new RadioButtonGroup<>(getTranslation("student.account.kind"));
        kind.setId("account-kind");
        kind.setItems(KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("student.account.kind." + k));
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setValue("LOGIN");
        FaqPanel matches = new FaqPanel("account-faq", q -> faq.search(tenant.context(), c, q, 5),
                query("LOGIN"), false);
        Div faqCard = new Div(new H3(getTranslation("student.account.faq")), matches);
        faqCard.addClassName("rc-card");

        CheckForm form = new CheckForm("account-form");
        form.addClassName("rc-card");
        TextArea reason = form.area("reason", "account-reason", getTranslation("student.account.reason"));
        reason.setHelperText(getTranslation("student.account.reasonHelp"));
        TextField shown = form.text("shown", "account-shown", getTranslation("student.account.shown"), 500);
        kind.addValueChangeListener(e -> matches.run(query(e.getValue())));
        reason.addValueChangeListener(e -> matches.run(e.getValue().isBlank() ? query(kind.getValue()) : e.getValue()));
        Paragraph sent = new Paragraph();
        sent.setId("account-sent");
        sent.addClassNames("rc-card", "rc-success");
        sent.getElement().setAttribute("role", "status");
        sent.setVisible(false);
        Button submit = new Button(getTranslation("student.account.submit"), e -> {
            form.clearErrors();
            String text = reason.getValue().strip();
            try {
                reports.submit(tenant.context(), user.username(), studentId(), new ErrorReports.Input("ACCOUNT", null,
                        shown.getValue().strip(), null, text.isEmpty() ? null
                        : getTranslation("student.account.kind." + kind.getValue()) + "：" + text), List.of(), Site.ip());
                form.setVisible(false);
                sent.setText(getTranslation("student.account.sent"));
                sent.setVisible(true);
            } catch (ValidationFailed v) {
                v.errors().forEach(x -> form.error(x.field(), getTranslation("error." + x.code())));
            } catch (Conflict conflict) {
                form.error("", getTranslation("problem." + conflict.code()));
            }
        });
        submit.setId("account-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph still = new Paragraph(getTranslation("student.account.still"));
        still.addClassName("rc-strong");
        form.add(still, reason, shown, submit);
        form.addErrorLine();
        Anchor reportsLink = new Anchor("/" + StudentNav.REPORTS, getTranslation("student.account.myReports"));
        reportsLink.setId("account-reports");
        Div kindCard = new Div(kind);
        kindCard.addClassName("rc-card");
        content(kindCard, faqCard, form, sent, reportsLink);
    }
}
