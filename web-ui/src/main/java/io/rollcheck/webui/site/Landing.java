package io.rollcheck.webui.site;

import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.NotFound;
import jakarta.inject.Singleton;

/**
 * Where a user lands after signing in: a student whom an open campaign includes goes straight to his
 * self-check, everyone else to his own page.
 */
@Singleton
public class Landing {

    /** The student self-check's home route. */
    public static final String CHECK = "check";
    /** The own page of every signed-in user. */
    public static final String ME = "me";

    private final SelfCheck check;

    public Landing(SelfCheck check) {
        this.check = check;
    }

    public String after(Tenant tenant, UiUser user) {
        if (user.studentId() == null || !user.has(Roles.STUDENT)) {
            return ME;
        }
        try {
            check.state(tenant.context(), user.studentId());
            return CHECK;
        } catch (NotFound noCampaign) {
            return ME;
        }
    }
}
