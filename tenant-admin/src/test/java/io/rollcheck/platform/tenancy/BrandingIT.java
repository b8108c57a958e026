package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrandingIT {

    /** A JPEG with an EXIF APP1 segment holding a GPS position after SOI, and bytes after EOI. */
    static byte[] jpegWithGpsAndTrailer(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.createGraphics().fillRect(3, 3, w / 2, h / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        byte[] jpg = out.toByteArray();
        byte[] exif = "Exif\0\0MM\0*\0\0\0\bGPSLatitude=39.9042N;GPSLongitude=116.4074E".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(jpg, 0, 2);
        b.write(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8), (byte) ((exif.length + 2) & 0xff)});
        b.write(exif);
        b.write(jpg, 2, jpg.length - 2);
        b.write("TRAILER<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1));
        return b.toByteArray();
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static HttpResponse<byte[]> servedLogo(TestApp app, String host) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/api/portal/logo")).header("Host", host).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void an_uploaded_logo_is_served_re_encoded_without_exif_gps_or_trailing_bytes() throws Exception {
        try (TestApp app = TestApp.start()) {
            Tenant a = app.aTenant();
            String host = a.slug() + ".localhost";
            app.bean(TenantAccounts.class).setPassword(a.context(), "admin", "registrar-pass-1");
            String token = app.login(host, "admin", "registrar-pass-1");
            byte[] upload = jpegWithGpsAndTrailer(90, 60);
            assertTrue(latin1(upload).contains("GPSLatitude") && latin1(upload).contains("TRAILER"));
            assertEquals(204, app.upload("PUT", host, "/api/admin/branding/logo", "logo.jpg", upload, token).statusCode());
            HttpResponse<byte[]> served = servedLogo(app, host);
            assertEquals(200, served.statusCode());
            assertEquals("image/jpeg", served.headers().firstValue("content-type").orElse(""));
            byte[] body = served.body();
            assertFalse(latin1(body).contains("GPSLatitude"), "no GPS");
            assertFalse(latin1(body).contains("Exif"), "no EXIF segment");
            assertFalse(latin1(body).contains("TRAILER"), "nothing after the image");
            assertEquals(0xFF, body[body.length - 2] & 0xff);
            assertEquals(0xD9, body[body.length - 1] & 0xff, "ends with EOI");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(body));
            assertEquals(90, img.getWidth());
            assertEquals(60, img.getHeight());

            // a logo stored before re-encoding existed is cleaned the first time it is served
            app.bean(Db.class).platform(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE tenants SET logo = ?, logo_type = 'image/jpeg', logo_reencoded = false WHERE id = ?")) {
                    ps.setBytes(1, upload);
                    ps.setLong(2, a.id());
                    return ps.executeUpdate();
                }
            });
            byte[] old = servedLogo(app, host).body();
            assertFalse(latin1(old).contains("GPSLatitude") || latin1(old).contains("TRAILER"));
            assertEquals(90, ImageIO.read(new ByteArrayInputStream(old)).getWidth());
            boolean marked = app.bean(Db.class).platform(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT logo_reencoded, position('GPSLatitude'::bytea in logo) = 0"
                        + " FROM tenants WHERE id = ?")) {
                    ps.setLong(1, a.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getBoolean(1) && rs.getBoolean(2);
                    }
                }
            });
            assertTrue(marked, "the stored logo itself is replaced");
        }
    }

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
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(served.body()));
            assertEquals(120, back.getWidth());
            assertEquals(0x1f5fa8, back.getRGB(1, 1) & 0xffffff);
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
