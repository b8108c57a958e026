package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.UiUser;

import java.util.Optional;

/**
 * The frame of the student's self-check pages: the university's header, the signed-in student, the
 * self-check's navigation, and his state in the campaign (or a card saying no campaign includes him).
 */
abstract class StudentPage extends PageShell {

    protected final Tenant tenant;
    protected final UiUser user;
    private final String titleKey;

    StudentPage(SignOut signOut, String titleKey) {
        this.tenant = Site.tenant();
        this.user = Site.user().orElseThrow();
        this.titleKey = titleKey;
        tenantFrame(tenant);
        signedIn(user, signOut.button());
    }

    /** The student's state, or empty after showing why there is none (no record, no open campaign). */
    protected Optional<CheckState> load(SelfCheck check) {
        if (user.studentId() != null) {
            try {
                return Optional.of(check.state(tenant.context(), user.studentId()));
            } catch (NotFound none) {
                // no open campaign includes him: said below
            }
        }
        Paragraph none = new Paragraph(getTranslation("student.noCampaign"));
        none.setId("check-no-campaign");
        none.addClassNames("rc-card", "rc-secondary");
        Anchor me = new Anchor("/me", getTranslation("student.noCampaign.me"));
        content(none, me);
        return Optional.empty();
    }

    /** The self-check's navigation, {@code active} marked as the current page. */
    protected void nav(String active, int unread) {
        content(StudentNav.of(this, active, unread));
    }

    protected long studentId() {
        return user.studentId();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + tenant.name(getLocale());
    }
}
