package io.rollcheck.webui.signoff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.security.Access;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.signoff.ClassDesk;
import io.rollcheck.tenantadmin.signoff.ClassRoll;
import io.rollcheck.tenantadmin.signoff.SignOffs;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.PasswordPrompt;
import io.rollcheck.webui.site.Reauth;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * {@code /class?id=}: a class's roll for its monitor, counselor, college staff or the registrar
 * (phone first): each student's status and signature, the class's error reports, the sheet PDF, a
 * nudge to those who have not signed and, for the monitor or registrar, the 汇总 signature.
 */
@Prototype
@Route(value = "class", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed({Roles.CLASS_MONITOR, Roles.COUNSELOR, Roles.COLLEGE_STAFF, Roles.TENANT_ADMIN})
class ClassView extends ChainPage implements BeforeEnterObserver {

    /** The signature's day in the roll: short, so the column fits a phone beside the code. */
    private static final java.time.format.DateTimeFormatter SHORT_DATE = java.time.format.DateTimeFormatter.ofPattern("MM-dd");

    private final SignOffs signOffs;
    private final ClassDesk desk;
    private final Access access;
    private final transient Reauth reauth;

    ClassView(SignOffs signOffs, ClassDesk desk, Access access, Reauth reauth, SignOut signOut) {
        super(signOut);
        this.signOffs = signOffs;
        this.desk = desk;
        this.access = access;
        this.reauth = reauth;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<ClassDesk.Unit> mine = desk.classes(tenant.context(), user.principal());
        long classId;
        List<String> id = event.getLocation().getQueryParameters().getParameters().get("id");
        if (id != null && !id.isEmpty()) {
            try {
                classId = Long.parseLong(id.get(0));
                access.requireClass(tenant.context(), user.principal(), classId);
            } catch (NumberFormatException | NotFound e) {
                throw new NotFoundException();
            }
        } else if (!mine.isEmpty()) {
            classId = mine.get(0).id();
        } else {
            content(new H2(getTranslation("chain.class.title")), note("class-none", getTranslation("chain.class.none"), "rc-card"));
            return;
        }
        show(mine, classId);
    }

    private void show(List<ClassDesk.Unit> mine, long classId) {
        Optional<PublishedCampaign> campaign = unitPage("class", mine, classId, signOffs);
        if (campaign.isEmpty()) {
            return;
        }
        PublishedCampaign pc = campaign.get();
        ClassRoll roll = signOffs.classRoll(tenant.context(), tenant.name(getLocale()), pc, classId);
        String zone = tenant.timeZone();
        Div head = new Div(note("class-summary", getTranslation("chain.summary", roll.className(), roll.signed(), roll.rows().size())),
                note("class-campaign", roll.campaignName() + (roll.collegeName() == null ? "" : " · " + roll.collegeName()), "rc-secondary"));
        if (roll.deadline() != null) {
            head.add(note("class-deadline", getTranslation("chain.deadline", Dates.lastDay(roll.deadline(), zone, getLocale())), "rc-secondary"));
        }
        head.addClassName("rc-card");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (ClassRoll.Row r : roll.rows()) {
            rows.add(List.of(String.valueOf(r.no()), r.studentNo(), r.name(), getTranslation("chain.status." + r.result()),
                    r.signedAt() == null ? "" : SHORT_DATE.withZone(tenant.zone()).format(r.signedAt()) + " " + r.receiptCode()));
            classes.add("rc-status-" + r.result());
        }
        Div table = table("class-roll", List.of(getTranslation("chain.roll.no"), getTranslation("chain.roll.studentNo"),
                getTranslation("chain.roll.name"), getTranslation("chain.roll.status"), getTranslation("chain.roll.signed")), rows, classes);

        Div actions = new Div(download("class-sheet", getTranslation("chain.sheet"), "sheet-" + classId + ".pdf", "application/pdf",
                () -> desk.sheet(signOffs.classRoll(tenant.context(), tenant.name(getLocale()), pc, classId), getLocale(), tenant.zone())));
        actions.addClassName("rc-buttons");
        if (roll.signed() < roll.rows().size() && roll.signOff() == null) {
            Button nudge = new Button(getTranslation("chain.nudge"), e -> {
                int n = desk.nudge(tenant.context(), user.principal(), pc, classId, Site.ip());
                Notification.show(getTranslation("chain.nudge.done", n)).addThemeVariants(
                        com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
                e.getSource().setEnabled(false);
            });
            nudge.setId("class-nudge");
            actions.add(nudge);
        }
        content(head, table, actions, errors(roll), signing(roll, pc, classId));
    }

    private Div errors(ClassRoll roll) {
        Div card = new Div(new H3(getTranslation("chain.errors.title")));
        card.setId("class-errors");
        card.addClassName("rc-card");
        if (roll.errors().isEmpty()) {
            card.add(note("class-errors-none", getTranslation("chain.errors.none"), "rc-secondary"));
        }
        for (ClassRoll.ErrorRow e : roll.errors()) {
            card.add(note("class-error-" + e.reportId(), getTranslation("chain.errors.row", e.studentNo(), e.name(),
                    e.field() == null ? "" : getTranslation("field." + e.field()), nz(e.shown()), nz(e.correct()),
                    getTranslation("chain.report.status." + e.status())), "rc-wrap"));
        }
        return card;
    }

    private Div signing(ClassRoll roll, PublishedCampaign pc, long classId) {
        Div card = new Div(new H3(getTranslation("chain.sign.title")));
        card.setId("class-signoff");
        card.addClassName("rc-card");
        if (roll.signOff() != null) {
            ClassRoll.SignOff s = roll.signOff();
            card.add(note("class-signed", getTranslation("chain.sign.done", Dates.dateTime(s.signedAt(), tenant.timeZone(), getLocale()),
                    s.receiptCode()) + (s.late() ? " " + getTranslation("chain.sign.late") : ""), "rc-success"));
            return card;
        }
        if (!user.has(Roles.CLASS_MONITOR) && !user.has(Roles.TENANT_ADMIN)) {
            card.setVisible(false);
            return card;
        }
        card.add(note("class-sign-help", getTranslation("chain.sign.help"), "rc-secondary"));
        Map<Long, TextField> reasons = new LinkedHashMap<>();
        for (ClassRoll.Row r : roll.rows()) {
            if (!"SIGNED".equals(r.result())) {
                TextField reason = new TextField(getTranslation("chain.sign.reason", r.studentNo(), r.name()));
                reason.setId("class-reason-" + r.no());
                reason.setMaxLength(200);
                reason.setWidthFull();
                reasons.put(r.studentId(), reason);
                card.add(reason);
            }
        }
        PasswordPrompt password = signingPrompt(reauth, "class-signer");
        Button sign = signButton("class", "chain.sign.button", reauth, password, () -> {
            List<SignOffs.Exception> exceptions = new ArrayList<>();
            reasons.forEach((student, field) -> {
                if (!field.getValue().isBlank()) {
                    exceptions.add(new SignOffs.Exception(student, field.getValue()));
                }
            });
            try {
                signOffs.signClass(tenant.context(), tenant.slug(), tenant.name(getLocale()), user.username(), classId,
                        pc.campaignId(), Reauth.method(password), exceptions, Site.ip(), Site.userAgent());
                show(desk.classes(tenant.context(), user.principal()), classId);
            } catch (ValidationFailed v) {
                password.error(getTranslation("error." + v.errors().get(0).code()));
            }
        });
        card.add(password, sign);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chain.class.title") + " · " + tenant.name(getLocale());
    }
}
