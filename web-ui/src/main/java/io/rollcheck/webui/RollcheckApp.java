package io.rollcheck.webui;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.rollcheck.platform.PlatformStartup;
import io.rollcheck.tenantadmin.demo.DemoTenant;
import io.rollcheck.platform.services.EmbeddedServices;
import io.rollcheck.platform.tenancy.PublicUrls;
import io.rollcheck.webui.server.UiServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One running Rollcheck: the Micronaut context with its API server (Netty) and the UI server
 * (Jetty + Vaadin), on services given by the properties. Used by {@link Main} and by tests.
 *
 * <p>Properties beyond the platform's: {@code rollcheck.demo} (make the demo tenant),
 * {@code rollcheck.demo-password} (its registrar's password), {@code rollcheck.ui.host} (bind address).
 */
public final class RollcheckApp implements AutoCloseable {

    public static final String DEMO = "rollcheck.demo";
    public static final String DEMO_PASSWORD = "rollcheck.demo-password";

    private final ApplicationContext context;
    private final EmbeddedServer api;
    private final UiServer ui;
    private final PlatformStartup.Report report;

    private RollcheckApp(ApplicationContext context, EmbeddedServer api, UiServer ui, PlatformStartup.Report report) {
        this.context = context;
        this.api = api;
        this.ui = ui;
        this.report = report;
    }

    /**
     * Starts everything on {@code uiPort} (0: a free port, also used for the links the app hands out
     * unless {@code rollcheck.public.port} is set). The API port is {@code micronaut.server.port}.
     */
    public static RollcheckApp start(Map<String, Object> properties, int uiPort) {
        Map<String, Object> p = new HashMap<>(properties);
        int port = uiPort == 0 ? freePort() : uiPort;
        p.putIfAbsent("rollcheck.public.port", port);
        ApplicationContext context = ApplicationContext.builder().properties(p).deduceEnvironment(false).start();
        try {
            PlatformStartup.Report report = context.getBean(PlatformStartup.class).run();
            if (Boolean.parseBoolean(String.valueOf(p.getOrDefault(DEMO, "false")))) {
                Object pw = p.get(DEMO_PASSWORD);
                if (pw == null || pw.toString().isBlank()) {
                    throw new IllegalArgumentException(DEMO_PASSWORD + " is required in demo mode");
                }
                var demo = context.getBean(DemoTenant.class).ensure(pw.toString());
                context.getBean(io.rollcheck.tenantadmin.demo.DemoData.class).ensure(demo, pw.toString());
            }
            EmbeddedServer api = context.getBean(EmbeddedServer.class);
            api.start();
            String host = String.valueOf(p.getOrDefault("rollcheck.ui.host", "0.0.0.0"));
            UiServer ui = UiServer.start(context, host, port);
            return new RollcheckApp(context, api, ui, report);
        } catch (Exception e) {
            context.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException("start failed", e);
        }
    }

    private static int freePort() {
        try {
            return EmbeddedServices.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int uiPort() {
        return ui.port();
    }

    /** HTTP sessions alive on the UI server now. */
    public int uiSessions() {
        return ui.liveSessions();
    }

    public int apiPort() {
        return api.getPort();
    }

    public PlatformStartup.Report report() {
        return report;
    }

    /** The operator password generated at this start, if one was (printed once, never stored in clear). */
    public Optional<String> generatedOperatorPassword() {
        return report.generatedOperatorPassword();
    }

    public PublicUrls urls() {
        return context.getBean(PublicUrls.class);
    }

    /** Stops the UI server, then the API server and the context (pools, Redis). */
    @Override
    public void close() {
        try {
            ui.close();
        } finally {
            try {
                api.stop();
            } finally {
                context.close();
            }
        }
    }
}
