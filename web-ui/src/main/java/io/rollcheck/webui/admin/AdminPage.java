package io.rollcheck.webui.admin;

import com.vaadin.flow.component.html.H2;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.UiUser;

/**
 * The frame of a back-office page: the university's header with the signed-in registrar, the admin
 * menu, and a title. The serving tenant and the user are taken once, on the request that opens the
 * page (work done later on another thread must not ask {@link Site} again).
 */
public abstract class AdminPage extends PageShell {

    static {
        // the services' own texts (row errors, publish refusals, file problems) live in tenant-admin's bundle
        Messages.register("i18n/admin");
    }

    protected final Tenant tenant;
    protected final UiUser user;
    private final String titleKey;

    protected AdminPage(SignOut signOut, AdminNav.Item item, String titleKey) {
        this.tenant = Site.tenant();
        this.user = Site.user().orElseThrow();
        this.titleKey = titleKey;
        tenantFrame(tenant);
        signedIn(user, signOut.button());
        addClassName("rc-admin");
        content(new AdminNav(item));
    }

    /** The page's heading (its title), with the id tests look for. */
    protected H2 heading(String id) {
        H2 h = new H2(getTranslation(titleKey));
        h.setId(id);
        return h;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + tenant.name(getLocale());
    }
}
