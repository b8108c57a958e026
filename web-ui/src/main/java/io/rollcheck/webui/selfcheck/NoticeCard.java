package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.platform.tenancy.TenantContext;

import java.util.List;
import java.util.Locale;

/**
 * The campaign's notice as the registrar issued it: title, 编号, 发文日期, 拟文单位, 签发, 主送, the body
 * (Markdown rendered and sanitised when published) and the attachments, served from here.
 */
final class NoticeCard extends Article {

    NoticeCard(CheckState s, TenantContext t, Attachments attachments, Locale locale) {
        setId("notice");
        addClassNames("rc-card", "rc-notice", "rc-notice-full");
        CampaignContent.Notice n = s.notice();
        Markup m = new Markup();
        m.element("h2", n.title() == null || n.title().isBlank() ? s.campaignName() : n.title(), "id", "notice-title");
        m.open("div", "class", "rc-notice-meta");
        fact(m, "student.notice.docNo", "notice-docNo", n.docNo());
        fact(m, "student.notice.issueDate", "notice-issueDate", Countdown.date(n.issueDate(), locale));
        fact(m, "student.notice.draftingOffice", "notice-office", n.draftingOffice());
        fact(m, "student.notice.signer", "notice-signer", n.signer());
        fact(m, "student.notice.addressees", "notice-addressees", n.addressees());
        fact(m, null, "notice-version", getTranslation("student.notice.versionValue", s.version()));
        m.close("div");
        if (s.noticeHtml() != null && !s.noticeHtml().isBlank()) {
            m.open("div", "class", "rc-notice-html", "id", "notice-body").sanitised(s.noticeHtml()).close("div");
        }
        add(m.html("div", "class", "rc-notice-text"));
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

    private void fact(Markup m, String key, String id, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        m.open("span", "class", "rc-fact");
        if (key != null) {
            m.element("span", getTranslation(key), "class", "rc-fact-label");
        }
        m.element("span", value, "id", id).close("span");
    }
}
