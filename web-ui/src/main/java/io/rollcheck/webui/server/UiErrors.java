package io.rollcheck.webui.server;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import io.rollcheck.platform.validation.RetryLater;

/**
 * The session's handler for failures in clicks and uploads. When the university's data is busy (its
 * share of the database is taken or a table is locked) the person is told to wait N seconds and that
 * nothing was done; anything else goes to Vaadin's default handler.
 */
final class UiErrors implements ErrorHandler {

    static final String BUSY_ID = "busy-notice";
    private static final ErrorHandler DEFAULT = new DefaultErrorHandler();

    @Override
    public void error(ErrorEvent event) {
        RetryLater busy = RetryLater.in(event.getThrowable());
        UI ui = event.getComponent().flatMap(Component::getUI).orElse(UI.getCurrent());
        if (busy == null || ui == null) {
            DEFAULT.error(event);
            return;
        }
        Notification n = new Notification(ui.getTranslation("problem.tenant_busy.wait", busy.retryAfterSeconds()),
                8000, Notification.Position.TOP_CENTER);
        n.setId(BUSY_ID);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }
}
