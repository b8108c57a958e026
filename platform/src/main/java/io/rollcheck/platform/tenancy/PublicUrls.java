package io.rollcheck.platform.tenancy;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Links people open in a browser: the platform site and each tenant's portal. */
@Singleton
public class PublicUrls {

    private final String scheme;
    private final String baseDomain;
    private final int port;

    public PublicUrls(@Value("${rollcheck.public.scheme:http}") String scheme,
                      @Value("${rollcheck.base-domain:localhost}") String baseDomain,
                      @Value("${rollcheck.public.port:8080}") int port) {
        this.scheme = scheme;
        this.baseDomain = baseDomain;
        this.port = port;
    }

    public String platform() {
        return scheme + "://" + baseDomain + portSuffix();
    }

    public String portal(String slug) {
        return scheme + "://" + slug + "." + baseDomain + portSuffix();
    }

    public String setupLink(String slug, String token) {
        return portal(slug) + "/setup/" + token;
    }

    private String portSuffix() {
        boolean standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return standard ? "" : ":" + port;
    }
}
