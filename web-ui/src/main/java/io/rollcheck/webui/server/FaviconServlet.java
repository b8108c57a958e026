package io.rollcheck.webui.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /favicon.ico}: the small tick browsers ask for on every site (as SVG, which current
 * browsers take from that path too); without it every first page load logs a 404 in the console.
 */
final class FaviconServlet extends HttpServlet {

    private static final byte[] ICON = ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
            + "<rect width=\"32\" height=\"32\" rx=\"7\" fill=\"#1f5fa8\"/>"
            + "<path d=\"M8 16.5l5.5 5.5L24 11\" fill=\"none\" stroke=\"#fff\" stroke-width=\"3.5\" "
            + "stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("image/svg+xml");
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setContentLength(ICON.length);
        resp.getOutputStream().write(ICON);
    }
}
