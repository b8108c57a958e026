package io.rollcheck.webui.selfcheck;

import io.rollcheck.webui.site.PasswordPrompt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

import java.io.Serializable;

/** Asks for the password before the student's own ID number is shown in full. */
final class RevealDialog extends Dialog {

    /** Tries to reveal with what the student entered; true when it worked (the dialog closes). */
    interface Attempt extends Serializable {
        boolean run(PasswordPrompt prompt);
    }

    RevealDialog(boolean withPassword, Attempt attempt) {
        setId("reveal-dialog");
        setHeaderTitle(getTranslation("student.reveal.title"));
        Paragraph why = new Paragraph(getTranslation("student.reveal.why"));
        PasswordPrompt prompt = new PasswordPrompt("reveal", withPassword);
        add(why, prompt);
        Button show = new Button(getTranslation("student.reveal.confirm"), e -> {
            if (attempt.run(prompt)) {
                close();
            }
        });
        show.setId("reveal-confirm");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("student.cancel"), e -> close());
        cancel.setId("reveal-cancel");
        getFooter().add(cancel, show);
        setCloseOnOutsideClick(false);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                prompt.focusPassword();
            }
        });
        setWidth("26rem");
        setMaxWidth("calc(100vw - 1rem)");
    }
}
