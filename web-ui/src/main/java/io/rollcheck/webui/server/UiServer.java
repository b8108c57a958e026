package io.rollcheck.webui.server;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import io.micronaut.context.ApplicationContext;
import io.rollcheck.webui.site.UiTranslations;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

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

    private final Server jetty;

    private UiServer(Server jetty) {
        this.jetty = jetty;
    }

    /** Starts the UI server on {@code port} (0: any free port). */
    public static UiServer start(ApplicationContext context, String host, int port) throws Exception {
        UiTranslations.register();
        Server server = new Server();
        server.setStopTimeout(5_000);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler web = new ServletContextHandler(ServletContextHandler.SESSIONS);
        web.setContextPath("/");
        web.setClassLoader(UiServer.class.getClassLoader()); // Vaadin asks the servlet context for one
        web.getSessionHandler().setMaxInactiveInterval(30 * 60);
        web.getSessionHandler().setHttpOnly(true);
        web.getSessionHandler().setSameSite(org.eclipse.jetty.http.HttpCookie.SameSite.LAX);
        web.addEventListener(new VaadinBootstrap(context));
        web.addServlet(new ServletHolder("health", new HealthServlet()), "/health");
        ServletHolder vaadin = new ServletHolder("vaadin", new RollcheckServlet(context));
        vaadin.setInitParameter("productionMode", "true");
        vaadin.setInitOrder(1);
        vaadin.setAsyncSupported(true);
        web.addServlet(vaadin, "/*");
        FilterHolder edge = new FilterHolder(context.getBean(UiEdgeFilter.class));
        edge.setAsyncSupported(true);
        web.addFilter(edge, "/*", EnumSet.of(DispatcherType.REQUEST));
        // /health answers whatever the Host (probes use the pod's address): the filter lets it by.
        server.setHandler(web);
        server.start();
        return new UiServer(server);
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("UI server did not stop cleanly", e);
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
