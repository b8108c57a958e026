package io.rollcheck.webui.account;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.tenantadmin.record.StudentView;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.security.SecondFactor;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import io.rollcheck.webui.site.UiUser;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /me}: the signed-in user's own page: name and roles; a student's own record, masked as the
 * platform masks it for the student himself; staff can turn on the second factor here.
 */
@Prototype
@Route(value = "me", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR, Roles.CLASS_MONITOR, Roles.STUDENT})
class MeView extends PageShell {

    private final Tenant tenant;

    MeView(Students students, SecondFactor secondFactor, SignOut signOut) {
        UiUser user = Site.user().orElseThrow();
        this.tenant = Site.tenant();
        tenantFrame(tenant);
        signedIn(user, signOut.button());

        H2 heading = new H2(getTranslation("me.title"));
        heading.setId("me-title");
        Div account = new Div();
        account.addClassNames("rc-card", "rc-fields");
        account.setId("me-account");
        account.add(Fields.row("me.name", "me-name", user.displayName()),
                Fields.row("me.username", "me-username", user.username()),
                Fields.row("me.roles", "me-roles", user.roles().stream().map(r -> getTranslation("role." + r))
                        .collect(Collectors.joining(getTranslation("list.separator")))));
        content(heading, account);
        work(user);

        if (user.studentId() != null) {
            H2 recordHeading = new H2(getTranslation("me.record"));
            Optional<StudentView> record = students.readFor(tenant.context(), user.studentId(), true);
            content(recordHeading, record.<com.vaadin.flow.component.Component>map(this::record).orElseGet(() -> {
                Paragraph none = new Paragraph(getTranslation("me.noRecord"));
                none.setId("me-no-record");
                none.addClassNames("rc-card", "rc-secondary");
                return none;
            }));
        }
        if (user.roles().stream().anyMatch(r -> r.equals(Roles.TENANT_ADMIN) || r.equals(Roles.COLLEGE_STAFF)
                || r.equals(Roles.COUNSELOR))) {
            content(new H2(getTranslation("totp.title")), new TotpSection(secondFactor, tenant.context(), user.principal()));
        }
    }

    private Div record(StudentView s) {
        Div card = new Div();
        card.setId("me-record");
        card.addClassNames("rc-card", "rc-fields");
        card.add(Fields.row("record.studentNo", "record-studentNo", s.studentNo()),
                Fields.row("record.name", "record-name", s.name()),
                Fields.row("record.sex", "record-sex", s.sex() == null ? "" : getTranslation("sex." + s.sex())),
                Fields.row("record.idType", "record-idType", s.idType() == null ? "" : getTranslation("idType." + s.idType())),
                Fields.row("record.idNumber", "record-idNumber", s.idNumber()),
                Fields.row("record.birthDate", "record-birthDate", s.birthDate()),
                Fields.row("record.phone", "record-phone", s.phone()));
        Paragraph note = new Paragraph(getTranslation("me.masked"));
        note.addClassName("rc-secondary");
        card.add(note);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("me.title") + " · " + tenant.name(getLocale());
    }

    /** Links to the sign-off chain's pages the user's roles open (class, college, cockpit). */
    private void work(UiUser user) {
        Div links = new Div();
        links.setId("me-work");
        links.addClassNames("rc-card", "rc-work-links");
        if (user.has(Roles.CLASS_MONITOR) || user.has(Roles.COUNSELOR) || user.has(Roles.COLLEGE_STAFF)
                || user.has(Roles.TENANT_ADMIN)) {
            links.add(link("/class", "chain.work.class", "me-work-class"));
        }
        if (user.has(Roles.COLLEGE_STAFF) || user.has(Roles.TENANT_ADMIN)) {
            links.add(link("/college", "chain.work.college", "me-work-college"));
        }
        if (user.has(Roles.TENANT_ADMIN)) {
            links.add(link("/admin/cockpit", "chain.work.cockpit", "me-work-cockpit"));
        }
        if (links.getChildren().findAny().isPresent()) {
            content(new H2(getTranslation("chain.work.title")), links);
        }
    }

    private com.vaadin.flow.component.html.Anchor link(String href, String key, String id) {
        com.vaadin.flow.component.html.Anchor a = new com.vaadin.flow.component.html.Anchor(href, getTranslation(key));
        a.setId(id);
        a.addClassNames("rc-button", "rc-button-secondary");
        return a;
    }
}
