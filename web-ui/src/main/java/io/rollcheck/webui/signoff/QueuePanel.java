package io.rollcheck.webui.signoff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.webui.site.Site;

import java.util.List;

/**
 * The registrar's queue of live error reports: mark one corrected in the national system (with a note,
 * optionally writing the correct value into the record) or reject it with a reason.
 */
class QueuePanel extends Div {

    private final ErrorReports reports;
    private final TenantContext t;
    private final String actor;
    private final Runnable changed;

    QueuePanel(ErrorReports reports, TenantContext t, String actor, long campaignId, Runnable changed) {
        this.reports = reports;
        this.t = t;
        this.actor = actor;
        this.changed = changed;
        setId("cockpit-queue");
        addClassName("rc-card");
        add(new H3(getTranslation("chain.cockpit.queue")));
        List<ErrorReports.QueueItem> items = reports.queue(t, campaignId, null, null, true);
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("chain.cockpit.queueNone"));
            none.setId("cockpit-queue-none");
            none.addClassName("rc-secondary");
            add(none);
        }
        items.forEach(this::item);
    }

    private void item(ErrorReports.QueueItem q) {
        String p = "queue-" + q.id();
        Paragraph text = new Paragraph(getTranslation("chain.errors.row", q.studentNo(), q.name(),
                q.field() == null ? "" : getTranslation("field." + q.field()), nz(q.shown()), nz(q.correct()),
                getTranslation("chain.report.status." + q.status())) + (q.className() == null ? "" : " · " + q.className()));
        text.setId(p + "-text");
        text.addClassName("rc-wrap");
        TextField note = new TextField(getTranslation("chain.cockpit.note"));
        note.setId(p + "-note");
        note.setMaxLength(500);
        note.setWidthFull();
        Checkbox apply = new Checkbox(getTranslation("chain.cockpit.apply"));
        apply.setId(p + "-apply");
        apply.setVisible(q.field() != null && q.correct() != null);
        Button resolve = new Button(getTranslation("chain.cockpit.resolve"), e -> {
            try {
                reports.resolve(t, actor, q.id(), blankToNull(note.getValue()), apply.getValue(), Site.ip());
                changed.run();
            } catch (ValidationFailed v) {
                invalid(note, "error." + v.errors().get(0).code());
            }
        });
        resolve.setId(p + "-resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button reject = new Button(getTranslation("chain.cockpit.reject"), e -> {
            if (note.getValue().isBlank()) {
                invalid(note, "chain.cockpit.reasonRequired");
                return;
            }
            try {
                reports.review(t, actor, q.id(), ErrorReports.Decision.REJECTED, note.getValue().strip(), Site.ip());
                changed.run();
            } catch (ValidationFailed v) {
                invalid(note, "error." + v.errors().get(0).code());
            }
        });
        reject.setId(p + "-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        Div buttons = new Div(resolve, reject);
        buttons.addClassName("rc-buttons");
        Div item = new Div(text, note, apply, buttons);
        item.setId(p);
        item.addClassName("rc-queue-item");
        add(item);
    }

    private void invalid(TextField f, String key) {
        f.setErrorMessage(getTranslation(key));
        f.setInvalid(true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
