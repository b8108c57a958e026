package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.files.BlobStore;
import io.rollcheck.webui.site.Dates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * "Preview as a student": the campaign as the service would publish it (the sanitised notice
 * included), laid out roughly as a student's page: notice, dates, what to check with the notes,
 * who to contact, how to sign in to CHSI, and the FAQ. Nothing is published by looking.
 */
class PreviewDialog extends Dialog {

    private final DateTimeFormatter dates;

    PreviewDialog(PublishedCampaign p, List<BlobStore.Info> attachments, String zone) {
        dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        setId("preview-dialog");
        setHeaderTitle(getTranslation("admin.preview.title"));
        setWidth("min(56rem, 100vw)");
        setMaxHeight("100vh");
        addClassName("rc-preview-dialog");
        CampaignContent c = p.content();
        Div page = new Div();
        page.setId("preview");
        page.addClassName("rc-preview");
        Paragraph what = new Paragraph(getTranslation("admin.preview.what", p.version()));
        what.addClassName("rc-secondary");
        what.setId("preview-what");
        page.add(what, notice(c.notice(), p.noticeHtml(), attachments), deadlines(c), checklist(c), offices(c), guide(c), faq(c));
        Paragraph foot = new Paragraph(getTranslation("admin.preview.footer", p.sha256().substring(0, 12),
                Dates.dateTime(p.publishedAt(), zone, getLocale())));
        foot.addClassName("rc-secondary");
        page.add(foot);
        add(page);
        Button close = new Button(getTranslation("operator.close"), e -> close());
        close.setId("preview-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }

    private Section notice(CampaignContent.Notice n, String html, List<BlobStore.Info> attachments) {
        Section s = section("preview-notice", null);
        s.addClassName("rc-notice");
        H2 t = new H2(n == null || n.title() == null ? "" : n.title());
        t.setId("preview-notice-title");
        s.add(t);
        if (n != null) {
            List<String> meta = new ArrayList<>();
            if (n.docNo() != null) {
                meta.add(getTranslation("admin.preview.docNo", n.docNo()));
            }
            if (n.issueDate() != null) {
                meta.add(date(n.issueDate()));
            }
            if (n.draftingOffice() != null) {
                meta.add(getTranslation("admin.preview.draftingOffice", n.draftingOffice()));
            }
            if (n.signer() != null) {
                meta.add(getTranslation("admin.preview.signer", n.signer()));
            }
            Paragraph m = new Paragraph(String.join(" · ", meta));
            m.addClassName("rc-notice-date");
            s.add(m);
            if (n.addressees() != null) {
                s.add(new Paragraph(n.addressees() + getTranslation("admin.preview.addresseesColon")));
            }
        }
        Div body = new Div();
        body.setId("preview-notice-body");
        body.addClassName("rc-notice-html");
        body.getElement().setProperty("innerHTML", html == null ? "" : html);
        s.add(body);
        if (!attachments.isEmpty()) {
            UnorderedList files = new UnorderedList();
            files.setId("preview-attachments");
            attachments.forEach(a -> files.add(new ListItem(a.fileName())));
            s.add(new Span(getTranslation("admin.notice.attachments")), files);
        }
        return s;
    }

    private Section deadlines(CampaignContent c) {
        Section s = section("preview-deadlines", "admin.preview.deadlines");
        CampaignContent.Deadlines d = c.deadlines();
        if (d == null) {
            return s;
        }
        Div rows = new Div();
        rows.addClassName("rc-fields");
        row(rows, "admin.deadlines.opens", d.opens());
        row(rows, "admin.deadlines.studentDeadline", d.studentDeadline());
        row(rows, "admin.deadlines.classDeadline", d.classDeadline());
        row(rows, "admin.deadlines.collegeDeadline", d.collegeDeadline());
        row(rows, "admin.deadlines.closes", d.closes());
        s.add(rows);
        if (d.latePolicy() != null) {
            Paragraph late = new Paragraph(getTranslation("late." + d.latePolicy() + ".student"));
            late.addClassName("rc-secondary");
            s.add(late);
        }
        if (c.workflow() != null) {
            List<String> chain = new ArrayList<>();
            chain.add(getTranslation("admin.workflow.student"));
            c.workflow().stream().filter(CampaignContent.WorkflowStep::enabled).forEach(w -> chain.add(getTranslation("sign." + w.level())
                    + (w.deadline() == null ? "" : getTranslation("admin.preview.by", date(w.deadline())))));
            Paragraph p = new Paragraph(getTranslation("admin.preview.workflow", String.join(" → ", chain)));
            p.setId("preview-workflow");
            s.add(p);
        }
        return s;
    }

    private Section checklist(CampaignContent c) {
        Section s = section("preview-checklist", "admin.preview.checklist");
        OrderedList list = new OrderedList();
        list.addClassName("rc-preview-checklist");
        for (CampaignContent.ChecklistItem it : c.checklist() == null ? List.<CampaignContent.ChecklistItem>of() : c.checklist()) {
            ListItem li = new ListItem();
            Span name = new Span(Texts.field(this, it.field()));
            name.addClassName("rc-preview-field");
            li.add(name);
            if (it.keyField()) {
                Span key = new Span(getTranslation("admin.checklist.keyBadge"));
                key.addClassNames("rc-badge", "rc-badge-key");
                li.add(key);
            }
            if (it.note() != null) {
                li.add(small(it.note()));
            }
            String how = getTranslation("policy." + it.policy() + ".student");
            if (it.evidence() != null && !it.evidence().isEmpty()) {
                how += getTranslation("admin.preview.evidence", Texts.join(this, it.evidence()));
            }
            li.add(small(how));
            list.add(li);
        }
        s.add(list);
        return s;
    }

    private Section offices(CampaignContent c) {
        Section s = section("preview-offices", "admin.preview.offices");
        for (CampaignContent.Office o : c.offices() == null ? List.<CampaignContent.Office>of() : c.offices()) {
            Div card = new Div();
            card.addClassName("rc-preview-office");
            card.add(new H3(o.name()));
            if (o.location() != null) {
                card.add(small(o.location()));
            }
            if (o.phones() != null && !o.phones().isEmpty()) {
                card.add(small(getTranslation("admin.offices.phones") + "：" + String.join(" / ", o.phones())));
            }
            if (o.email() != null) {
                card.add(small(getTranslation("admin.offices.email") + "：" + o.email()));
            }
            if (o.hours() != null) {
                card.add(small(getTranslation("admin.offices.hours") + "：" + o.hours()));
            }
            if (o.fields() != null && !o.fields().isEmpty()) {
                card.add(small(getTranslation("admin.preview.handles",
                        Texts.join(this, o.fields().stream().map(f -> Texts.field(this, f)).toList()))));
            }
            s.add(card);
        }
        return s;
    }

    private Section guide(CampaignContent c) {
        Section s = section("preview-guide", "admin.preview.guide");
        OrderedList steps = new OrderedList();
        for (CampaignContent.GuideStep g : c.guide() == null ? List.<CampaignContent.GuideStep>of() : c.guide()) {
            ListItem li = new ListItem();
            Span t = new Span(g.title());
            t.addClassName("rc-preview-field");
            li.add(t, small(g.text()));
            steps.add(li);
        }
        s.add(steps);
        return s;
    }

    private Section faq(CampaignContent c) {
        Section s = section("preview-faq", "admin.preview.faq");
        for (CampaignContent.FaqEntry f : c.faq() == null ? List.<CampaignContent.FaqEntry>of() : c.faq()) {
            Details d = new Details(f.question(), new Paragraph(f.answer()));
            d.addClassName("rc-details");
            s.add(d);
        }
        return s;
    }

    private Section section(String id, String titleKey) {
        Section s = new Section();
        s.setId(id);
        s.addClassName("rc-card");
        if (titleKey != null) {
            H3 h = new H3(getTranslation(titleKey));
            h.addClassName("rc-card-title");
            s.add(h);
        }
        return s;
    }

    private void row(Div rows, String labelKey, LocalDate d) {
        if (d == null) {
            return;
        }
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("rc-field-label");
        Span value = new Span(date(d));
        value.addClassName("rc-field-value");
        Div row = new Div(label, value);
        row.addClassName("rc-field");
        rows.add(row);
    }

    private String date(LocalDate d) {
        return dates.format(d);
    }

    private static Component small(String text) {
        Div d = new Div(new Span(text));
        d.addClassName("rc-secondary");
        return d;
    }
}
