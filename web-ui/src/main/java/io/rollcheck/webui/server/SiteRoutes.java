package io.rollcheck.webui.server;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SessionInitEvent;
import com.vaadin.flow.server.SessionRouteRegistry;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes and navigation guards, taken from the {@code @Route} beans the Micronaut context knows (no
 * classpath scanning). Each Vaadin session gets the routes of the site it was opened on; the edge
 * filter refuses the session anywhere else. {@link NavigationAccessControl} checks
 * {@code @RolesAllowed}/{@code @AnonymousAllowed} on every navigation (views without either are refused).
 */
@Singleton
class SiteRoutes implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(SiteRoutes.class);
    static final String OPERATOR_LOGIN = "operator/login";
    static final String TENANT_LOGIN = "login";

    private final Map<SiteRoute.Kind, List<Class<? extends Component>>> routes = new EnumMap<>(SiteRoute.Kind.class);
    private final Set<Class<? extends Component>> errorViews = new LinkedHashSet<>();

    SiteRoutes(ApplicationContext context) {
        for (SiteRoute.Kind k : SiteRoute.Kind.values()) {
            routes.put(k, new ArrayList<>());
        }
        for (BeanDefinition<?> d : context.getBeanDefinitions(Qualifiers.byStereotype(Route.class))) {
            Class<?> type = d.getBeanType();
            SiteRoute site = type.getAnnotation(SiteRoute.class);
            if (site == null || !Component.class.isAssignableFrom(type)) {
                throw new IllegalStateException(type.getName() + ": a @Route view needs @SiteRoute");
            }
            routes.get(site.value()).add(type.asSubclass(Component.class));
        }
        for (BeanDefinition<?> d : context.getBeanDefinitions(HasErrorParameter.class)) {
            errorViews.add(d.getBeanType().asSubclass(Component.class));
        }
        LOG.debug("event=ui_routes platform={} tenant={} errors={}", routes.get(SiteRoute.Kind.PLATFORM),
                routes.get(SiteRoute.Kind.TENANT), errorViews);
    }

    Set<Class<? extends Component>> errorViews() {
        return errorViews;
    }

    /**
     * Each UI gets the guard of its site: the platform sends signed-out callers to the operator
     * sign-in, a university to its own sign-in; a signed-in user without the role gets the
     * "forbidden" page (which says no more than "not found").
     */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        NavigationAccessControl platform = new NavigationAccessControl();
        platform.setLoginView(OPERATOR_LOGIN);
        NavigationAccessControl tenant = new NavigationAccessControl();
        tenant.setLoginView(TENANT_LOGIN);
        BeforeEnterListener tenantGuard = new TenantGuard(tenant);
        event.getSource().addSessionInitListener(this::registerRoutes);
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(
                Site.resolution() instanceof HostResolution.Serving ? tenantGuard : platform));
    }

    /**
     * A university's guard: while the session is held for a password change (first sign-in with the
     * initial secret), every route leads to the change; otherwise the roles decide.
     */
    private record TenantGuard(NavigationAccessControl access) implements BeforeEnterListener {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            if (Site.pendingPasswordChange().isPresent()
                    && !Site.CHANGE_PASSWORD_ROUTE.equals(event.getLocation().getPath())) {
                event.forwardTo(Site.CHANGE_PASSWORD_ROUTE);
                return;
            }
            access.beforeEnter(event);
        }
    }

    private void registerRoutes(SessionInitEvent event) {
        event.getSession().setErrorHandler(new UiErrors());
        Object r = event.getRequest().getAttribute(Site.RESOLUTION);
        SiteRoute.Kind kind = r instanceof HostResolution.Platform ? SiteRoute.Kind.PLATFORM
                : r instanceof HostResolution.Serving ? SiteRoute.Kind.TENANT : null;
        if (kind == null) {
            return; // the edge filter lets no other request through
        }
        RouteConfiguration config = RouteConfiguration.forRegistry(SessionRouteRegistry.getSessionRegistry(event.getSession()));
        config.update(() -> routes.get(kind).forEach(config::setAnnotatedRoute));
    }
}
