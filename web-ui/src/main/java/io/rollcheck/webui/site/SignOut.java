package io.rollcheck.webui.site;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.tenancy.HostResolution;
import jakarta.inject.Singleton;

/** The sign-out button of tenant pages: audits the sign-out in the tenant's log, then ends the session. */
@Singleton
public class SignOut {

    private final AuditLog audit;

    public SignOut(AuditLog audit) {
        this.audit = audit;
    }

    public Button button() {
        Button b = new Button();
        b.setText(b.getTranslation("signOut"));
        b.addClickListener(e -> signOut());
        b.setId("sign-out");
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void signOut() {
        if (Site.resolution() instanceof HostResolution.Serving s) {
            Site.user().ifPresent(u -> audit.tenant(s.tenant().context(), u.username(), "auth.signOut", "ui", null, Site.ip()));
        }
        Site.signOut();
    }
}
