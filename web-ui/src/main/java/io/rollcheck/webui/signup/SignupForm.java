package io.rollcheck.webui.signup;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.platform.tenancy.SignupRequest;
import io.rollcheck.platform.validation.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The sign-up fields; shows each {@link FieldError} beside its field. The view decides what a submit does. */
class SignupForm extends Composite<FormLayout> {

    private final TextField nameZh = field("nameZh");
    private final TextField nameEn = field("nameEn");
    private final TextField slug = field("slug");
    private final TextField contactName = field("contactName");
    private final TextField email = field("email");
    private final TextField phone = field("phone");
    private final TextArea note = new TextArea();
    private final Map<String, HasValidation> byName = new LinkedHashMap<>();
    private final Button submit = new Button();

    SignupForm(String baseDomain, Consumer<SignupRequest> onSubmit) {
        note.setLabel(getTranslation("signup.field.note"));
        note.setId("signup-note");
        note.setMaxLength(1000);
        slug.setHelperText(getTranslation("signup.slug.help", baseDomain));
        Div suffix = new Div("." + baseDomain);
        suffix.addClassName("rc-suffix");
        slug.setSuffixComponent(suffix);
        email.setHelperText(getTranslation("signup.email.help"));
        byName.putAll(Map.of("nameZh", nameZh, "nameEn", nameEn, "slug", slug, "contactName", contactName,
                "email", email, "phone", phone, "note", note));
        submit.setText(getTranslation("signup.submit"));
        submit.setId("signup-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> {
            clearErrors();
            onSubmit.accept(request());
        });
        FormLayout form = getContent();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.add(nameZh, nameEn, slug, contactName, email, phone);
        form.add(note, 2);
        form.add(submit, 2);
        form.addClassName("rc-card");
    }

    private TextField field(String name) {
        TextField f = new TextField(getTranslation("signup.field." + name));
        f.setId("signup-" + name);
        f.setWidthFull();
        return f;
    }

    SignupRequest request() {
        return new SignupRequest(nameZh.getValue(), nameEn.getValue(), slug.getValue(), contactName.getValue(),
                email.getValue(), phone.getValue(), note.getValue().isBlank() ? null : note.getValue());
    }

    void showErrors(List<FieldError> errors) {
        for (FieldError e : errors) {
            HasValidation f = byName.get(e.field());
            if (f != null) {
                f.setErrorMessage(getTranslation("error." + e.code()));
                f.setInvalid(true);
            }
        }
        errors.stream().map(e -> byName.get(e.field())).filter(f -> f instanceof com.vaadin.flow.component.Focusable<?>)
                .findFirst().ifPresent(f -> ((com.vaadin.flow.component.Focusable<?>) f).focus());
    }

    private void clearErrors() {
        byName.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }
}
