package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.rollcheck.tenantadmin.selfcheck.Signatures;

/**
 * Exactly what the signature covers, as the platform will hash it: the campaign and its version, the
 * student, each field with its value (personal ones masked here) and answer, and the open reports.
 */
final class SignedContent extends Div {

    SignedContent(Signatures.Preview preview) {
        setId("sign-content");
        addClassNames("rc-card", "rc-signed");
        Signatures.Content c = preview.masked();
        add(Facts.row(getTranslation("student.sign.campaign"), "sign-campaign",
                        c.campaignName() + " · " + getTranslation("student.notice.versionValue", c.version())),
                Facts.row(getTranslation("student.sign.studentNo"), "sign-studentNo", c.studentNo()),
                Facts.row(getTranslation("student.sign.name"), "sign-name", c.name()));
        H3 fieldsTitle = new H3(getTranslation("student.sign.fields"));
        Div fields = new Div();
        fields.setId("sign-fields");
        fields.addClassName("rc-sign-fields");
        for (Signatures.SignedField f : c.fields()) {
            Div row = new Div();
            row.addClassName("rc-sign-row");
            row.setId("sign-field-" + f.field());
            Span label = new Span(getTranslation("field." + f.field()));
            label.addClassName("rc-field-label");
            Span value = new Span(f.value() == null || f.value().isBlank() ? "—"
                    : Values.display(this, f.field(), f.value()));
            value.addClassName("rc-field-value");
            Span answer = new Span(answer(f));
            answer.addClassNames("rc-badge", "MATCH".equals(f.answer()) ? "rc-badge-match" : "rc-badge-reported");
            row.add(label, value, answer);
            fields.add(row);
        }
        add(fieldsTitle, fields);
        if (!c.reports().isEmpty()) {
            UnorderedList open = new UnorderedList();
            open.setId("sign-reports");
            for (Signatures.SignedReport r : c.reports()) {
                String what = r.field() == null ? getTranslation("student.reports.account")
                        : getTranslation("field." + r.field());
                open.add(new ListItem(what + "：" + getTranslation("student.report.status." + r.status())));
            }
            add(new H3(getTranslation("student.sign.reports")), open);
        }
        Paragraph hash = new Paragraph(getTranslation("student.sign.hash", preview.contentSha256()));
        hash.setId("sign-hash");
        hash.addClassNames("rc-secondary", "rc-hash");
        add(hash);
    }

    private String answer(Signatures.SignedField f) {
        if ("MATCH".equals(f.answer())) {
            return getTranslation("student.check.state.match");
        }
        if ("UNANSWERED".equals(f.answer())) {
            return getTranslation("student.check.state.none");
        }
        return getTranslation("student.check.state." + switch (f.resolution() == null ? "" : f.resolution()) {
            case "CORRECTED" -> "corrected";
            case "PAPER" -> "paper";
            default -> "reported";
        });
    }
}
