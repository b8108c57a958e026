package io.rollcheck.webui.site;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinResponse;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.validation.RetryLater;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a person sees when a view fails: a short apology; the cause goes to the log only. */
@Prototype
@AnonymousAllowed
class ServerErrorView extends PageShell implements HasErrorParameter<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorView.class);

    private final Paragraph text = new Paragraph(getTranslation("serverError.text"));

    ServerErrorView() {
        siteName(getTranslation("platform.name"), "site-name");
        H2 title = new H2(getTranslation("serverError.title"));
        title.setId("server-error");
        text.setId("server-error-text");
        content(title, text, new Anchor("/", getTranslation("notFound.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        // Type and place only: exception messages can quote row values (never PII in a log line).
        Exception e = parameter.getCaughtException();
        RetryLater busy = RetryLater.in(e);
        if (busy != null) {
            // the university's data is busy for a moment: say how long to wait, as the API's Retry-After does
            text.setText(getTranslation("problem.tenant_busy.wait", busy.retryAfterSeconds()));
            VaadinResponse response = VaadinResponse.getCurrent();
            if (response != null) {
                response.setHeader("Retry-After", Integer.toString(busy.retryAfterSeconds()));
            }
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        StackTraceElement[] at = e.getStackTrace();
        LOG.error("event=view_failed path={} cause={} at={}", event.getLocation().getPath(), e.getClass().getName(),
                at.length > 0 ? at[0] : "?");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("serverError.title");
    }
}
