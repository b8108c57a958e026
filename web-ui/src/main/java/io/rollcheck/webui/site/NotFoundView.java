package io.rollcheck.webui.site;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.tenancy.HostResolution;
import jakarta.servlet.http.HttpServletResponse;

/** "Not found" for a path that is not a route of this site (or not one the caller may see). */
@Prototype
@AnonymousAllowed
class NotFoundView extends PageShell implements HasErrorParameter<NotFoundException> {

    NotFoundView() {
        HostResolution r = Site.resolution();
        siteName(r instanceof HostResolution.Serving s ? s.tenant().name(getLocale()) : getTranslation("platform.name"),
                "site-name");
        H2 title = new H2(getTranslation("notFound.title"));
        title.setId("not-found");
        content(title, new Paragraph(getTranslation("notFound.text")),
                new Anchor("/", getTranslation("notFound.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notFound.title");
    }
}
