package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.EvidenceFiles;
import io.rollcheck.platform.validation.ValidationFailed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence files for a report: JPEG, PNG or PDF up to 10 MB, at most five. The browser refuses other
 * types and sizes at once; the server decides by content and re-encodes images (no metadata stays)
 * as soon as a file arrives, and keeps the cleaned files until the report is sent.
 */
final class EvidenceUpload extends Div {

    private final Map<String, EvidenceFiles.Clean> files = new LinkedHashMap<>();
    private final Paragraph error = new Paragraph();
    private final Div accepted = new Div();

    /** {@code needs}: what the university asks for, said under the label (null: nothing particular). */
    EvidenceUpload(String id, String needs) {
        setId(id);
        addClassName("rc-evidence");
        Span label = new Span(getTranslation("student.evidence.label"));
        label.addClassName("rc-label");
        label.setId(id + "-label");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> accept(meta.fileName(), bytes)));
        upload.setId(id + "-upload");
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "application/pdf", ".jpg", ".jpeg", ".png", ".pdf");
        upload.setMaxFileSize((int) EvidenceFiles.MAX_BYTES);
        upload.setMaxFiles(ErrorReports.MAX_FILES);
        upload.setI18n(i18n());
        upload.getElement().setAttribute("aria-labelledby", id + "-label");
        upload.addFileRejectedListener(e -> fail(e.getErrorMessage()));
        upload.addFileRemovedListener(e -> {
            files.remove(e.getFileName());
            listAccepted();
        });
        Paragraph help = new Paragraph(getTranslation("student.evidence.help"));
        help.addClassName("rc-secondary");
        error.setId(id + "-error");
        error.addClassName("rc-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        accepted.setId(id + "-files");
        accepted.addClassName("rc-secondary");
        add(label);
        if (needs != null) {
            Paragraph asked = new Paragraph(needs);
            asked.setId(id + "-needs");
            asked.addClassName("rc-needs");
            add(asked);
        }
        add(help, upload, accepted, error);
    }

    /** The cleaned files, in the order they arrived. */
    List<EvidenceFiles.Clean> files() {
        return new ArrayList<>(files.values());
    }

    void fail(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void accept(String name, byte[] bytes) {
        try {
            files.put(name, EvidenceFiles.clean(name, bytes));
            error.setVisible(false);
        } catch (ValidationFailed refused) {
            fail(getTranslation("error." + refused.errors().get(0).code()));
        }
        listAccepted();
    }

    private void listAccepted() {
        accepted.setText(files.isEmpty() ? ""
                : getTranslation("student.evidence.accepted", String.join("、", files.keySet())));
    }

    private UploadI18N i18n() {
        UploadI18N i = new UploadI18N();
        i.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("student.upload.addOne"))
                .setMany(getTranslation("student.upload.addMany")));
        i.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("student.upload.dropOne"))
                .setMany(getTranslation("student.upload.dropMany")));
        i.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("error.evidence.tooMany"))
                .setFileIsTooBig(getTranslation("error.evidence.tooLarge"))
                .setIncorrectFileType(getTranslation("error.evidence.type")));
        i.setFile(new UploadI18N.File().setRetry(getTranslation("student.upload.retry"))
                .setStart(getTranslation("student.upload.start")).setRemove(getTranslation("student.upload.remove")));
        i.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("student.upload.connecting"))
                        .setStalled(getTranslation("student.upload.stalled"))
                        .setProcessing(getTranslation("student.upload.processing"))
                        .setHeld(getTranslation("student.upload.held")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(getTranslation("student.upload.serverError"))
                        .setUnexpectedServerError(getTranslation("student.upload.serverError"))
                        .setForbidden(getTranslation("student.upload.serverError"))));
        i.setUnits(List.of("B", "KB", "MB", "GB"));
        return i;
    }
}
