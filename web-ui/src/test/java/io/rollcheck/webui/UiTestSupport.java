package io.rollcheck.webui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.rollcheck.platform.testing.TestServices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared pieces of the UI tests: the app on the test services, a headless system Chromium driven by
 * Playwright (its Node.js driver runs on the machine's node, without the driver-bundle), and plain
 * HTTP calls to 127.0.0.1 with a Host header (Java does not resolve {@code *.localhost}).
 */
final class UiTestSupport {

    static final String CONTACT = "help@rollcheck.test";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private UiTestSupport() {
    }

    /** The app, a fixture instance on the same services, and a headless Chromium: what a browser test holds. */
    record Rig(RollcheckApp app, io.rollcheck.platform.testing.TestApp fixtures, Playwright playwright, Browser browser)
            implements AutoCloseable {

        static Rig start() {
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
            RollcheckApp app = startApp();
            io.rollcheck.platform.testing.TestApp fixtures = io.rollcheck.platform.testing.TestApp.start();
            Playwright playwright = UiTestSupport.playwright();
            return new Rig(app, fixtures, playwright, chromium(playwright));
        }

        /** Signs in on the tenant's UI sign-in page with {@code username} and {@code password}. */
        void signIn(com.microsoft.playwright.Page page, io.rollcheck.platform.tenancy.Tenant t, String username,
                    String password) {
            page.navigate("http://" + t.slug() + ".localhost:" + app.uiPort() + "/login");
            fill(page, "login-username", username);
            fill(page, "login-password", password);
            page.locator("#login-submit").click();
        }

        @Override
        public void close() {
            playwright.close();
            fixtures.close();
            app.close();
        }
    }

    static RollcheckApp startApp() {
        Map<String, Object> p = new HashMap<>(TestServices.get().properties());
        p.put("rollcheck.platform-contact", CONTACT);
        p.put("rollcheck.ui.host", "127.0.0.1");
        return RollcheckApp.start(p, 0);
    }

    static Playwright playwright() {
        String node = System.getenv().getOrDefault("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");
        if (System.getProperty("playwright.nodejs.path") == null && Files.isExecutable(Path.of(node))) {
            System.setProperty("playwright.nodejs.path", node);
        }
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser chromium(Playwright playwright) {
        Path chromium = Path.of(System.getenv().getOrDefault("ROLLCHECK_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("browser tests need Chromium at " + chromium
                    + " (apt-get install chromium fonts-noto-cjk, or set ROLLCHECK_CHROMIUM)");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    static BrowserContext desktop(Browser browser, String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale(locale));
    }

    static BrowserContext phone(Browser browser, String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale(locale)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
    }

    /**
     * Collects what the browser reports as errors on every page of {@code ctx}: console errors
     * (a Content-Security-Policy violation is one) and uncaught page errors.
     */
    static List<String> watchConsole(BrowserContext ctx) {
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        ctx.onPage(page -> {
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type()) || m.text().contains("Content Security Policy")) {
                    errors.add(m.type() + ": " + m.text() + " @ " + page.url() + " (" + m.location() + ")");
                }
            });
            page.onPageError(e -> errors.add("pageerror: " + e + " @ " + page.url()));
        });
        return errors;
    }

    /** Types into a Vaadin field (the input inside it) and commits the value as a person leaving the field would. */
    static void fill(Page page, String id, String value) {
        Locator input = page.locator("#" + id + " input, #" + id + " textarea").first();
        input.fill(value);
        input.dispatchEvent("change");
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** A fresh university, signed up and approved through the services. */
    static io.rollcheck.platform.tenancy.Tenant aTenant(RollcheckApp app) {
        long id = app.bean(io.rollcheck.platform.tenancy.SignupService.class)
                .submit(io.rollcheck.platform.testing.TestApp.aSignup(), "127.0.0.1");
        return app.bean(io.rollcheck.platform.tenancy.Provisioning.class).approve(id, "operator", "127.0.0.1").tenant();
    }

    static HttpResponse<String> get(int port, String host, String path, String cookie) {
        return get(port, host, path, cookie, "zh-CN");
    }

    static HttpResponse<String> get(int port, String host, String path, String cookie, String acceptLanguage) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Host", host + ":" + port).header("Accept-Language", acceptLanguage);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
