package io.rollcheck.webui.site;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.tenancy.HostResolution;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a signed-in user sees on a view his roles do not open: the same words as "not found" (the
 * page says nothing about what is behind it), with status 403.
 */
@Prototype
@AnonymousAllowed
class ForbiddenView extends PageShell implements HasErrorParameter<AccessDeniedException> {

    private static final Logger LOG = LoggerFactory.getLogger(ForbiddenView.class);

    ForbiddenView() {
        HostResolution r = Site.resolution();
        siteName(r instanceof HostResolution.Serving s ? s.tenant().name(getLocale()) : getTranslation("platform.name"),
                "site-name");
        H2 title = new H2(getTranslation("forbidden.title"));
        title.setId("forbidden");
        content(title, new Paragraph(getTranslation("notFound.text")), new Anchor("/", getTranslation("notFound.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        LOG.info("event=ui_access_denied path={} user={}", event.getLocation().getPath(),
                Site.user().map(UiUser::username).orElse("anonymous"));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forbidden.title");
    }
}
