package io.rollcheck.webui.selfcheck;

import io.rollcheck.webui.site.Reauth;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.EvidenceFiles;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /check/fields}: every checklist field in order, answered one by one against what CHSI shows.
 * Each answer is saved at once by the platform, so coming back later resumes where the student was.
 */
@Prototype
@Route(value = StudentNav.FIELDS, registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.STUDENT)
class FieldCheckView extends StudentPage implements FieldCard.Actions {

    private final transient SelfCheck check;
    private final transient ErrorReports reports;
    private final transient Reauth reauth;
    private final transient Students students;
    private final transient AuditLog audit;
    private final Div progress = new Div();
    private final Paragraph error = new Paragraph();
    private final Div done = new Div();
    private final Map<String, FieldCard> cards = new LinkedHashMap<>();

    FieldCheckView(SelfCheck check, ErrorReports reports, PublishedCampaigns campaigns, Reauth reauth, Students students,
                   AuditLog audit, SignOut signOut) {
        super(signOut, "student.fields.title");
        this.check = check;
        this.reports = reports;
        this.reauth = reauth;
        this.students = students;
        this.audit = audit;
        load(check).ifPresent(s -> {
            nav(StudentNav.FIELDS, s.unreadMessages());
            Markup how = new Markup().element("p", getTranslation("student.fields.intro"), "class", "rc-lead");
            GuideView.chsiLink(how, this);
            error.setId("check-error");
            error.addClassNames("rc-card", "rc-alert");
            error.getElement().setAttribute("role", "alert");
            error.setVisible(false);
            content(new Markup().text(getTranslation("student.fields.title")).html("h2", "id", "fields-title"),
                    how.html("div", "class", "rc-card"), progress, error);
            boolean editable = s.status() != CheckState.Status.SIGNED
                    && (s.phase() == CheckState.Phase.OPEN || s.phase() == CheckState.Phase.LATE);
            if (!editable) {
                Paragraph locked = new Paragraph(getTranslation(s.status() == CheckState.Status.SIGNED
                        ? "student.fields.signed" : "student.fields.closed." + s.phase()));
                locked.setId("fields-locked");
                locked.addClassNames("rc-card", "rc-info-card");
                content(locked);
            }
            FieldCard.Setting setting = new FieldCard.Setting(campaigns.open(tenant.context(), s.campaignId())
                    .map(c -> c.content().offices()).orElse(List.of()),
                    Countdown.date(s.deadlines() == null ? null : s.deadlines().studentDeadline(), getLocale()), editable);
            for (CheckState.Field f : s.fields()) {
                FieldCard card = new FieldCard(f, reportOf(s, f), setting, this);
                cards.put(f.field(), card);
                content(card);
            }
            done.setId("fields-done");
            content(done);
            refresh(s);
        });
    }

    @Override
    public void answer(FieldCard card, CheckForm form, SelfCheck.Answer answer) {
        run(card, form, () -> check.answer(tenant.context(), user.username(), studentId(), card.field(), answer, Site.ip()));
    }

    @Override
    public void report(FieldCard card, CheckForm form, ErrorReports.Input input, List<EvidenceFiles.Clean> files) {
        run(card, form, () -> {
            reports.submit(tenant.context(), user.username(), studentId(), input, files, Site.ip());
            return check.state(tenant.context(), studentId());
        });
    }

    @Override
    public void reveal(FieldCard card) {
        new RevealDialog(reauth.hasPassword(tenant.context(), user.username()), prompt -> {
            var refused = reauth.check(tenant.context(), user.username(), prompt, Site.ip());
            if (refused.isPresent()) {
                Reauth.show(prompt, refused.get());
                return false;
            }
            String clear = students.read(tenant.context(), studentId(), true).map(v -> v.idNumber()).orElse("");
            audit.tenant(tenant.context(), user.username(), "pii.revealed", "student:" + studentId(),
                    "field=idNumber by=self", Site.ip());
            card.revealed(clear);
            return true;
        }).open();
    }

    private interface Call {
        CheckState run();
    }

    /** Calls the platform; shows the new state, or the refusal where it belongs. */
    private void run(FieldCard card, CheckForm form, Call call) {
        error.setVisible(false);
        try {
            CheckState s = call.run();
            s.fields().stream().filter(f -> f.field().equals(card.field())).findFirst()
                    .ifPresent(f -> card.show(f, reportOf(s, f)));
            card.focus(form == null ? "MATCH" : "MISMATCH");
            refresh(s);
        } catch (ValidationFailed refused) {
            refused.errors().forEach(e -> {
                String text = getTranslation("error." + e.code());
                if (form != null) {
                    form.error(e.field(), text);
                } else {
                    alert(text);
                }
            });
        } catch (Conflict conflict) {
            String text = getTranslation("problem." + conflict.code());
            if (form != null) {
                form.error("", text);
            } else {
                alert(text);
            }
        } catch (NotFound gone) {
            alert(getTranslation("student.noCampaign"));
        }
    }

    private void alert(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    private void refresh(CheckState s) {
        progress.removeAll();
        progress.add(Progress.of(this, s));
        done.removeAll();
        if (s.complete() && s.status() != CheckState.Status.SIGNED) {
            Markup m = new Markup().element("p", getTranslation("student.fields.done", s.fields().size()));
            StatusBanner.button(m, getTranslation("student.next.SIGN"), "/" + SignView.ROUTE, "fields-sign", true);
            done.add(m.html("div", "class", "rc-card rc-success"));
        }
    }

    static CheckState.Report reportOf(CheckState s, CheckState.Field f) {
        if (f.reportId() == null) {
            return null;
        }
        return s.reports().stream().filter(r -> r.id() == f.reportId()).findFirst().orElse(null);
    }
}
