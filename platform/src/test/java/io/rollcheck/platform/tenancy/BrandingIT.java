package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrandingIT {

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x1f5fa8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void the_registrar_sets_colour_welcome_and_logo_and_the_portal_serves_them_at_once() throws Exception {
        try (TestApp app = TestApp.start()) {
            Tenant a = app.aTenant();
            String host = a.slug() + ".localhost";
            app.bean(TenantAccounts.class).setPassword(a.context(), "admin", "registrar-pass-1");
            String token = app.login(host, "admin", "registrar-pass-1");
            assertTrue(app.get(host, "/api/portal", null).body().contains("\"primaryColor\":\"#1f5fa8\""));
            assertEquals(204, app.call("PUT", host, "/api/admin/branding",
                    "{\"primaryColor\":\"#A61C3C\",\"welcomeZh\":\"欢迎2025级新同学\",\"welcomeEn\":\"Welcome\"}", token).statusCode());
            String portal = app.get(host, "/api/portal", null).body();
            assertTrue(portal.contains("\"primaryColor\":\"#a61c3c\"") && portal.contains("欢迎2025级新同学"), portal);
            assertEquals(422, app.call("PUT", host, "/api/admin/branding", "{\"primaryColor\":\"red;background:url(x)\"}", token).statusCode());

            byte[] logo = png(120, 40);
            assertEquals(204, app.upload("PUT", host, "/api/admin/branding/logo", "logo.png", logo, token).statusCode());
            HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/portal/logo")).header("Host", host).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, served.statusCode());
            assertEquals("image/png", served.headers().firstValue("content-type").orElse(""));
            assertArrayEquals(logo, served.body());
            assertTrue(app.get(host, "/api/portal", null).body().contains("\"hasLogo\":true"));

            byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
            assertTrue(app.upload("PUT", host, "/api/admin/branding/logo", "logo.svg", svg, token).body().contains("branding.logoType"));
            byte[] php = "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8);
            assertEquals(422, app.upload("PUT", host, "/api/admin/branding/logo", "logo.png", php, token).statusCode());
            assertTrue(app.upload("PUT", host, "/api/admin/branding/logo", "big.png", png(2500, 10), token).body().contains("branding.logoTooLarge"));

            Tenant b = app.aTenant();
            app.bean(TenantAccounts.class).setPassword(b.context(), "admin", "registrar-pass-1");
            String tokenB = app.login(b.slug() + ".localhost", "admin", "registrar-pass-1");
            int cross = app.call("PUT", host, "/api/admin/branding", "{\"primaryColor\":\"#000000\"}", tokenB).statusCode();
            assertTrue(cross == 401 || cross == 403, "status " + cross);
            assertTrue(app.get(host, "/api/portal", null).body().contains("#a61c3c"));
            assertEquals(404, app.get(b.slug() + ".localhost", "/api/portal/logo", null).statusCode());
        }
    }
}
