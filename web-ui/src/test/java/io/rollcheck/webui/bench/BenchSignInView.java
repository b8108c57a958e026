package io.rollcheck.webui.bench;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import io.rollcheck.webui.site.UiUser;

import java.util.List;
import java.util.Map;

/**
 * Benchmarks only (test class path, and only with {@code -Drollcheck.bench.sign-in=true}): signs a
 * tenant user in with the real password check, the way the sign-in page does, and forwards to the
 * route in {@code to}, so a plain HTTP client can open signed-in sessions without driving the form.
 */
@Prototype
@Route(value = "bench/sign-in", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@AnonymousAllowed
class BenchSignInView extends Div implements BeforeEnterObserver {

    static final String ENABLED = "rollcheck.bench.sign-in";

    private final transient SignIn signIn;

    BenchSignInView(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!Boolean.getBoolean(ENABLED)) {
            throw new NotFoundException();
        }
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        SignIn.Outcome o = signIn.tenantUser(Site.tenant().context(), q.get("u").get(0), q.get("p").get(0), Site.ip());
        if (!(o instanceof SignIn.Signed signed)) {
            throw new IllegalStateException("bench sign-in refused: " + o);
        }
        Site.signIn(UiUser.of(signed.principal(), Site.label()));
        event.forwardTo(q.get("to").get(0));
    }
}
