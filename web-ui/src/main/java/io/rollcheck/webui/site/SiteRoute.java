package io.rollcheck.webui.site;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which site a {@code @Route} view belongs to. Routes are registered per Vaadin session for the
 * site the session was opened on, so a platform view does not exist on a tenant host and the other
 * way round (both answer "not found"). Views carrying it use {@code @Route(registerAtStartup = false)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SiteRoute {

    Kind value();

    /** The two sites of one deployment. */
    enum Kind {
        /** The bare base domain: sign-up and the operator console. */
        PLATFORM,
        /** A serving tenant's host: its portal. */
        TENANT
    }
}
