package io.rollcheck.webui.server;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import io.micronaut.context.ApplicationContext;
import com.vaadin.flow.server.InitParameters;
import io.rollcheck.webui.account.SsoCallback;
import io.rollcheck.webui.site.UiTranslations;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.HouseKeeper;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The UI server: embedded Jetty 12 (ee10) with the Vaadin servlet, the UI edge filter in front of it
 * and {@code /health}. Vaadin is initialised by hand (Lookup, error views; routes per session in
 * {@link SiteRoutes}), never by classpath scanning; it always runs in production mode from the bundle
 * inside the jar ({@code META-INF/VAADIN}).
 */
public final class UiServer implements AutoCloseable {

    /** Minutes without user activity after which a UI session ends. */
    public static final int IDLE_MINUTES = 30;
    /** Default seconds without a request after which a session nobody signed in to ends. */
    public static final int ANONYMOUS_IDLE_SECONDS = 120;
    /** Default limit of a request body on the UI port (UIDL messages are a few KB). */
    public static final long MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    /**
     * Default limit of an upload's request body: the largest roster the import takes, plus room for
     * the multipart framing. Each upload component enforces its own, smaller limit while spooling.
     */
    public static final long MAX_UPLOAD_BYTES = io.rollcheck.tenantadmin.roster.RosterFiles.MAX_BYTES + 1024 * 1024;
    /** Where Vaadin receives the files of its upload components (each URL bound to a session, a UI and a secret key). */
    public static final String UPLOAD_PATH = "/VAADIN/dynamic/resource/";

    private final Server jetty;
    private final SessionLimits sessions;

    private UiServer(Server jetty, SessionLimits sessions) {
        this.jetty = jetty;
        this.sessions = sessions;
    }

    /**
     * Starts the UI server on {@code port} (0: any free port).
     *
     * <p>Hardening: sessions end after {@link #IDLE_MINUTES} minutes without user activity (Vaadin's
     * heartbeats do not count); the session cookie is HttpOnly, SameSite=Lax, and Secure when the
     * public scheme ({@code rollcheck.public.scheme}) is https; request bodies are limited to
     * {@code rollcheck.ui.max-request-bytes} (10 MB), except uploads to Vaadin's upload URLs, limited
     * to {@code rollcheck.ui.max-upload-bytes} (the roster limit); every response carries {@link SecurityHeaders};
     * the server does not name itself. Behind a proxy that sets {@code X-Forwarded-For} and
     * {@code X-Forwarded-Proto}, {@code rollcheck.ui.trust-forwarded-headers=true} makes sign-in
     * throttling and the audit log see the client's address instead of the proxy's (never turn it
     * on where clients reach this port directly: they could claim any address).
     */
    public static UiServer start(ApplicationContext context, String host, int port) throws Exception {
        UiTranslations.register();
        boolean https = "https".equalsIgnoreCase(context.getProperty("rollcheck.public.scheme", String.class).orElse("http"));
        long maxBody = context.getProperty("rollcheck.ui.max-request-bytes", Long.class).orElse(MAX_REQUEST_BYTES);
        long maxUpload = context.getProperty("rollcheck.ui.max-upload-bytes", Long.class).orElse(MAX_UPLOAD_BYTES);
        boolean forwarded = context.getProperty("rollcheck.ui.trust-forwarded-headers", Boolean.class).orElse(false);
        SessionLimits sessions = new SessionLimits(
                context.getProperty("rollcheck.ui.anonymous-idle-seconds", Integer.class).orElse(ANONYMOUS_IDLE_SECONDS),
                IDLE_MINUTES * 60,
                context.getProperty("rollcheck.ui.max-sessions", Integer.class).orElseGet(SessionLimits::defaultMaxSessions));
        Server server = new Server();
        // expired sessions are let go within this many seconds (Jetty's default looks every 10 minutes)
        DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
        HouseKeeper housekeeper = new HouseKeeper();
        housekeeper.setSessionIdManager(ids);
        housekeeper.setIntervalSec(context.getProperty("rollcheck.ui.session-scavenge-seconds", Long.class).orElse(30L));
        ids.setSessionHouseKeeper(housekeeper);
        server.addBean(ids, true);
        server.setStopTimeout(5_000);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (forwarded) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler web = new ServletContextHandler(ServletContextHandler.SESSIONS);
        web.setContextPath("/");
        web.setClassLoader(UiServer.class.getClassLoader()); // Vaadin asks the servlet context for one
        web.getSessionHandler().setSessionIdManager(ids);
        web.getSessionHandler().setMaxInactiveInterval(IDLE_MINUTES * 60);
        web.getSessionHandler().addEventListener(sessions);
        web.getSessionHandler().setHttpOnly(true);
        web.getSessionHandler().setSameSite(org.eclipse.jetty.http.HttpCookie.SameSite.LAX);
        web.getSessionHandler().setSecureCookies(https);
        web.addEventListener(new VaadinBootstrap(context));
        web.addServlet(new ServletHolder("health", new HealthServlet()), "/health");
        ServletHolder favicon = new ServletHolder("favicon", new FaviconServlet());
        web.addServlet(favicon, "/favicon.ico");
        web.addServlet(new ServletHolder("sso-callback", context.getBean(SsoCallback.class)), SsoCallback.PATH);
        ServletHolder vaadin = new ServletHolder("vaadin", new RollcheckServlet(context));
        vaadin.setInitParameter("productionMode", "true");
        // the idle timeout counts what the user does, not the heartbeats of an open tab
        vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_CLOSE_IDLE_SESSIONS, "true");
        vaadin.setInitOrder(1);
        vaadin.setAsyncSupported(true);
        web.addServlet(vaadin, "/*");
        UiEdgeFilter edgeFilter = context.getBean(UiEdgeFilter.class);
        edgeFilter.limit(sessions);
        FilterHolder edge = new FilterHolder(edgeFilter);
        edge.setAsyncSupported(true);
        web.addFilter(edge, "/*", EnumSet.of(DispatcherType.REQUEST));
        // /health answers whatever the Host (probes use the pod's address): the filter lets it by.
        SizeLimitHandler limit = new SizeLimitHandler(maxBody, -1);
        limit.setHandler(web);
        SizeLimitHandler uploadLimit = new SizeLimitHandler(Math.max(maxBody, maxUpload), -1);
        uploadLimit.setHandler(new UploadsPastLimit(limit));
        server.setHandler(new SecurityHeaders(uploadLimit, https));
        server.setErrorHandler(SecurityHeaders.errorHandler(https));
        server.start();
        return new UiServer(server, sessions);
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** HTTP sessions alive on this node now. */
    public int liveSessions() {
        return sessions.live();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("UI server did not stop cleanly", e);
        }
    }

    /**
     * Lets uploads to Vaadin's upload URLs past the general body limit (they are under the larger
     * upload limit already); everything else goes through the general limit.
     */
    private static final class UploadsPastLimit extends org.eclipse.jetty.server.Handler.Wrapper {

        private final SizeLimitHandler general;

        UploadsPastLimit(SizeLimitHandler general) {
            super(general);
            this.general = general;
        }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) throws Exception {
            if ("POST".equals(request.getMethod())
                    && org.eclipse.jetty.server.Request.getPathInContext(request).startsWith(UPLOAD_PATH)) {
                return general.getHandler().handle(request, response, callback);
            }
            return super.handle(request, response, callback);
        }
    }

    /** What Vaadin's servlet container initializers would do, with explicit classes. */
    private record VaadinBootstrap(ApplicationContext context) implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext sc = event.getServletContext();
            try {
                new LookupServletContainerInitializer().process(new HashSet<>(Set.of(LookupInitializer.class)), sc);
            } catch (ServletException e) {
                throw new IllegalStateException("Vaadin lookup initialisation failed", e);
            }
            ApplicationRouteRegistry.getInstance(new VaadinServletContext(sc))
                    .setErrorNavigationTargets(context.getBean(SiteRoutes.class).errorViews());
        }
    }
}
