package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.EvidenceFiles;

import java.io.Serializable;
import java.util.List;

/**
 * {@code ONLINE_REVIEW}: an error report reviewed online: what CHSI shows, what is correct, why, and
 * evidence files. A live report of the field is filled in again, so a returned one can be amended.
 */
final class ReportForm extends CheckForm {

    interface Send extends Serializable {
        void send(ReportForm form, ErrorReports.Input input, List<EvidenceFiles.Clean> files);
    }

    private final EvidenceUpload upload;
    private final Button submit;

    ReportForm(String field, List<String> evidence, CheckState.Report live, Send send, SerializableRunnable cancel) {
        super("report-" + field);
        String p = "report-" + field;
        TextField shown = text("shown", p + "-shown", getTranslation("student.report.shown"), 500);
        shown.setHelperText(getTranslation("student.report.shownHelp"));
        TextField correct = text("correct", p + "-correct", getTranslation("student.report.correct"), 500);
        TextArea reason = area("reason", p + "-reason", getTranslation("student.report.reason"));
        if (live != null) {
            shown.setValue(live.shown() == null ? "" : live.shown());
            correct.setValue(live.correct() == null ? "" : live.correct());
            reason.setValue(live.reason() == null ? "" : live.reason());
        }
        add(shown, correct, reason);
        if (live != null && !live.evidence().isEmpty()) {
            Paragraph kept = new Paragraph(getTranslation("student.report.kept",
                    String.join("、", live.evidence().stream().map(CheckState.Evidence::fileName).toList())));
            kept.addClassName("rc-secondary");
            add(kept);
        }
        upload = new EvidenceUpload(p + "-evidence", evidence.isEmpty() ? null
                : getTranslation("student.report.needs", String.join("、", evidence)));
        submit = new Button(getTranslation("student.report.submit"), e -> {
            clearErrors();
            send.send(this, new ErrorReports.Input("FIELD", field, shown.getValue().strip(), correct.getValue().strip(),
                    reason.getValue().strip()), upload.files());
        });
        submit.setId(p + "-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        Button no = new Button(getTranslation("student.cancel"), e -> cancel.run());
        no.setId(p + "-cancel");
        Div buttons = new Div(submit, no);
        buttons.addClassName("rc-buttons");
        add(upload, buttons);
        addErrorLine();
        shown.focus();
    }

    @Override
    void error(String field, String message) {
        submit.setEnabled(true);
        if ("file".equals(field)) {
            upload.fail(message);
            return;
        }
        super.error(field, message);
    }
}
