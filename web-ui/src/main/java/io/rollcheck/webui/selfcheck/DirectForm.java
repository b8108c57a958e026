package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

import com.vaadin.flow.function.SerializableRunnable;

import java.io.Serializable;

/** {@code DIRECT}: the student types the right value; the platform checks it and corrects the record. */
final class DirectForm extends CheckForm {

    interface Save extends Serializable {
        void save(DirectForm form, String correct);
    }

    DirectForm(String field, String label, Save save, SerializableRunnable cancel) {
        super("fix-" + field);
        TextField correct = text("correct", "fix-" + field + "-correct", getTranslation("student.direct.label", label), 100);
        String helpKey = "student.direct.help." + field;
        String help = getTranslation(helpKey);
        correct.setHelperText(help.equals(helpKey) ? getTranslation("student.direct.help") : help);
        Button ok = new Button(getTranslation("student.direct.save"), e -> {
            clearErrors();
            save.save(this, correct.getValue().strip());
        });
        ok.setId("fix-" + field + "-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickShortcut(Key.ENTER).listenOn(correct);
        Button no = new Button(getTranslation("student.cancel"), e -> cancel.run());
        no.setId("fix-" + field + "-cancel");
        Div buttons = new Div(ok, no);
        buttons.addClassName("rc-buttons");
        add(correct, buttons);
        addErrorLine();
        correct.focus();
    }
}
