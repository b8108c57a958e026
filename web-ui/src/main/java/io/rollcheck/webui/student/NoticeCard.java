package io.rollcheck.webui.student;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.rollcheck.platform.campaign.CampaignContent;
import io.rollcheck.platform.selfcheck.CheckState;
import io.rollcheck.platform.tenancy.TenantContext;

import java.util.List;
import java.util.Locale;

/**
 * The campaign's notice as the registrar issued it: title, 编号, 发文日期, 拟文单位, 签发, 主送, the body
 * (Markdown rendered and sanitised when published) and the attachments.
 */
final class NoticeCard extends Article {

    NoticeCard(CheckState s, TenantContext t, Attachments attachments, Locale locale) {
        setId("notice");
        addClassNames("rc-card", "rc-notice", "rc-notice-full");
        CampaignContent.Notice n = s.notice();
        H2 title = new H2(n.title() == null || n.title().isBlank() ? s.campaignName() : n.title());
        title.setId("notice-title");
        Div meta = new Div();
        meta.addClassName("rc-notice-meta");
        fact(meta, "student.notice.docNo", "notice-docNo", n.docNo());
        fact(meta, "student.notice.issueDate", "notice-issueDate", Countdown.date(n.issueDate(), locale));
        fact(meta, "student.notice.draftingOffice", "notice-office", n.draftingOffice());
        fact(meta, "student.notice.signer", "notice-signer", n.signer());
        fact(meta, "student.notice.addressees", "notice-addressees", n.addressees());
        fact(meta, null, "notice-version", getTranslation("student.notice.versionValue", s.version()));
        add(title, meta);
        if (s.noticeHtml() != null && !s.noticeHtml().isBlank()) {
            Html body = new Html("<div class=\"rc-notice-html\" id=\"notice-body\">" + s.noticeHtml() + "</div>");
            add(body);
        }
        List<Long> ids = n.attachmentIds() == null ? List.of() : n.attachmentIds();
        UnorderedList files = new UnorderedList();
        files.setId("notice-attachments");
        files.addClassName("rc-attachments");
        for (long id : ids) {
            attachments.name(t, s.campaignId(), id).ifPresent(name -> {
                Anchor a = new Anchor(attachments.download(t, s.campaignId(), id), name);
                a.setId("attachment-" + id);
                files.add(new ListItem(a));
            });
        }
        if (files.getChildren().findAny().isPresent()) {
            add(new H3(getTranslation("student.notice.attachments")), files);
        }
    }

    private void fact(Div meta, String key, String id, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span f = new Span();
        f.addClassName("rc-fact");
        if (key != null) {
            Span label = new Span(getTranslation(key));
            label.addClassName("rc-fact-label");
            f.add(label);
        }
        Span v = new Span(value);
        v.setId(id);
        f.add(v);
        meta.add(f);
    }
}
