package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.files.BlobStore;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;
import io.rollcheck.tenantadmin.campaign.NoticeRenderer;
import io.rollcheck.webui.admin.AdminUpload;
import io.rollcheck.webui.admin.SpooledFile;
import io.rollcheck.webui.site.DatePickers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notice (通知): title, 编号, 发文日期, 拟文单位, 签发人, addressees, the Markdown body beside its
 * rendering (sanitised exactly as students will get it), and the attachments (type checked by content).
 */
class NoticeTab extends Div {

    private final EditorContext ctx;
    private final TextArea title = new TextArea();
    private final TextField docNo = new TextField();
    private final DatePicker issueDate = new DatePicker();
    private final TextField draftingOffice = new TextField();
    private final TextField signer = new TextField();
    private final TextField addressees = new TextField();
    private final TextArea body = new TextArea();
    private final Div preview = new Div();
    private final Div attachmentList = new Div();
    private final Paragraph attachmentMessage = new Paragraph();
    private final Map<Long, String> attachments = new LinkedHashMap<>();

    NoticeTab(EditorContext ctx, CampaignContent.Notice n, List<BlobStore.Info> files) {
        this.ctx = ctx;
        CampaignContent.Notice notice = n == null ? new CampaignContent.Notice(null, null, null, null, null, null, null, null) : n;
        setId("notice-tab");
        title.setLabel(getTranslation("admin.notice.title"));
        title.setId("notice-title");
        title.setMaxLength(200);
        title.setValue(Texts.orEmpty(notice.title()));
        title.setWidthFull();
        field(docNo, "docNo", notice.docNo(), 40);
        docNo.setPlaceholder("25-67");
        field(draftingOffice, "draftingOffice", notice.draftingOffice(), 100);
        field(signer, "signer", notice.signer(), 60);
        field(addressees, "addressees", notice.addressees(), 200);
        issueDate.setLabel(getTranslation("admin.notice.issueDate"));
        issueDate.setId("notice-issueDate");
        issueDate.setI18n(DatePickers.i18n(getLocale()));
        issueDate.setValue(notice.issueDate());
        FormLayout form = new FormLayout(title, docNo, issueDate, draftingOffice, signer, addressees);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2),
                new FormLayout.ResponsiveStep("900px", 3));
        form.setColspan(title, 3);
        Div head = new Div(form);
        head.addClassName("rc-card");

        body.setLabel(getTranslation("admin.notice.body"));
        body.setId("notice-body");
        body.setHelperText(getTranslation("admin.notice.bodyHelp"));
        body.setValue(Texts.orEmpty(notice.bodyMarkdown()));
        body.setMaxLength(50_000);
        body.addClassName("rc-markdown");
        // the value itself is sent when the field is left (nothing typed is lost to a debounce when a
        // tab or a button is clicked at once); the rendering follows the typing, debounced
        body.addValueChangeListener(e -> render(e.getValue()));
        body.getElement().addEventListener("input", e -> render(e.getEventData().get("element.value").asString()))
                .addEventData("element.value").debounce(300);
        preview.setId("notice-preview");
        preview.addClassName("rc-notice-html");
        Span previewLabel = new Span(getTranslation("admin.notice.preview"));
        previewLabel.addClassName("rc-preview-label");
        Div previewBox = new Div(previewLabel, preview);
        previewBox.addClassName("rc-preview-box");
        Div bodyCard = new Div(body, previewBox);
        bodyCard.addClassNames("rc-card", "rc-split");
        render(body.getValue());

        files.forEach(f -> attachments.put(f.id(), f.fileName()));
        if (notice.attachmentIds() != null) {
            notice.attachmentIds().forEach(id -> attachments.putIfAbsent(id, "#" + id));
        }
        add(head, bodyCard, attachmentsCard());
    }

    private Div attachmentsCard() {
        H3 h = new H3(getTranslation("admin.notice.attachments"));
        h.addClassName("rc-card-title");
        attachmentList.setId("notice-attachments");
        attachmentMessage.setId("notice-attachment-message");
        attachmentMessage.setVisible(false);
        var upload = AdminUpload.create("notice-attachment-upload", CampaignAuthoring.MAX_ATTACHMENT_BYTES,
                List.of(".pdf", ".docx", ".xlsx", ".png", ".jpg", ".jpeg"), this::attach, this::problem);
        Paragraph help = new Paragraph(getTranslation("admin.notice.attachmentsHelp"));
        help.addClassName("rc-secondary");
        showAttachments();
        Div card = new Div(h, help, attachmentList, upload, attachmentMessage);
        card.addClassName("rc-card");
        return card;
    }

    private void attach(SpooledFile f) {
        try (f) {
            BlobStore.Info info = ctx.authoring().addAttachment(ctx.tenant(), ctx.actor(), ctx.campaignId(), f.fileName(), f.path());
            attachments.put(info.id(), info.fileName());
            attachmentMessage.setVisible(false);
            showAttachments();
        } catch (ValidationFailed failed) {
            problem(getTranslation("error." + failed.errors().get(0).code()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void problem(String text) {
        attachmentMessage.setText(text);
        attachmentMessage.setClassName("rc-error");
        attachmentMessage.setVisible(true);
    }

    private void showAttachments() {
        attachmentList.removeAll();
        if (attachments.isEmpty()) {
            Span none = new Span(getTranslation("admin.notice.noAttachments"));
            none.addClassName("rc-secondary");
            attachmentList.add(none);
        }
        int i = 0;
        for (Map.Entry<Long, String> a : attachments.entrySet()) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                attachments.remove(a.getKey());
                showAttachments();
            });
            remove.setId("notice-attachment-remove-" + i);
            remove.setAriaLabel(getTranslation("admin.list.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
            Span name = new Span(VaadinIcon.PAPERCLIP.create(), new Span(a.getValue()));
            name.setId("notice-attachment-" + i++);
            Div row = new Div(name, remove);
            row.addClassName("rc-attachment");
            attachmentList.add(row);
        }
    }

    private void render(String markdown) {
        String text = markdown == null ? "" : markdown;
        preview.getElement().setProperty("innerHTML", NoticeRenderer.html(text.length() > 50_000 ? text.substring(0, 50_000) : text));
    }

    private void field(TextField f, String key, String value, int max) {
        f.setLabel(getTranslation("admin.notice." + key));
        f.setId("notice-" + key);
        f.setMaxLength(max);
        f.setValue(Texts.orEmpty(value));
        f.setWidthFull();
    }

    CampaignContent.Notice value() {
        return new CampaignContent.Notice(Texts.blankToNull(title.getValue()), Texts.blankToNull(docNo.getValue()),
                issueDate.getValue(), Texts.blankToNull(draftingOffice.getValue()), Texts.blankToNull(signer.getValue()),
                Texts.blankToNull(addressees.getValue()), body.getValue(), new ArrayList<>(attachments.keySet()));
    }
}
