package io.rollcheck.webui.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-file upload for the back office: the file is spooled to a temporary file while it arrives,
 * never held whole in memory, and refused as soon as it passes {@code maxBytes}. The receiver gets
 * it on the UI thread and owns it from then on; problems come back as bundle keys.
 */
public final class AdminUpload {

    /** Bundle key: the file is larger than the limit (argument: the limit in MB). */
    public static final String TOO_LARGE = "admin.upload.tooLarge";
    /** Bundle key: the transfer broke off. */
    public static final String FAILED = "admin.upload.failed";

    private AdminUpload() {
    }

    /**
     * @param accepted file name endings the browser offers ({@code .csv}); the services still decide
     *                 the type from the bytes
     * @param problem  told the translated reason when a file is refused before it reaches the receiver
     */
    public static Upload create(String id, long maxBytes, List<String> accepted, SerializableConsumer<SpooledFile> receiver,
                                Problem problem) {
        Upload upload = new Upload();
        upload.setUploadHandler(new Spooler(maxBytes, file -> {
            upload.clearFileList(); // ready for the next (e.g. corrected) file
            receiver.accept(file);
        }, problem));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes(accepted.toArray(String[]::new));
        upload.setDropAllowed(true);
        upload.setI18n(i18n(upload));
        upload.setDropLabel(new Span(upload.getTranslation("admin.upload.drop")));
        upload.addFileRejectedListener(e -> problem.refused(e.getErrorMessage()));
        upload.addClassName("rc-upload");
        return upload;
    }

    /** Told the translated reason when a file is refused (too large, wrong ending, transfer broken off). */
    @FunctionalInterface
    public interface Problem extends java.io.Serializable {
        void refused(String text);
    }

    private static UploadI18N i18n(Upload u) {
        UploadI18N i = new UploadI18N();
        i.setAddFiles(new UploadI18N.AddFiles().setOne(u.getTranslation("admin.upload.add")).setMany(u.getTranslation("admin.upload.add")));
        i.setDropFiles(new UploadI18N.DropFiles().setOne(u.getTranslation("admin.upload.drop")).setMany(u.getTranslation("admin.upload.drop")));
        i.setError(new UploadI18N.Error()
                .setTooManyFiles(u.getTranslation("admin.upload.tooMany"))
                .setFileIsTooBig(u.getTranslation(TOO_LARGE, u.getMaxFileSize() / (1024 * 1024)))
                .setIncorrectFileType(u.getTranslation("admin.upload.type")));
        i.setFile(new UploadI18N.File().setRetry(u.getTranslation("admin.upload.retry"))
                .setStart(u.getTranslation("admin.upload.start")).setRemove(u.getTranslation("admin.upload.remove")));
        i.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(u.getTranslation("admin.upload.connecting"))
                        .setStalled(u.getTranslation("admin.upload.stalled")).setProcessing(u.getTranslation("admin.upload.processing"))
                        .setHeld(u.getTranslation("admin.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(u.getTranslation("admin.upload.remaining"))
                        .setUnknown(u.getTranslation("admin.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(u.getTranslation(FAILED))
                        .setUnexpectedServerError(u.getTranslation(FAILED)).setForbidden(u.getTranslation(FAILED))));
        i.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        return i;
    }

    /** Copies the arriving bytes to a temporary file, stopping at the limit. */
    private record Spooler(long maxBytes, SerializableConsumer<SpooledFile> receiver, Problem problem) implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            UI ui = event.getUI();
            String name = baseName(event.getFileName());
            Path tmp = Files.createTempFile("rollcheck-ui-upload-", ".bin");
            long size = 0;
            boolean tooLarge = false;
            try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                int r;
                while ((r = in.read(buf)) > 0) {
                    size += r;
                    if (size > maxBytes) {
                        tooLarge = true;
                        break;
                    }
                    out.write(buf, 0, r);
                }
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                tell(ui, () -> problem.refused(ui.getTranslation(FAILED)));
                return;
            }
            if (tooLarge) {
                Files.deleteIfExists(tmp);
                tell(ui, () -> problem.refused(ui.getTranslation(TOO_LARGE, maxBytes / (1024 * 1024))));
                return;
            }
            SpooledFile file = new SpooledFile(name, tmp.toString(), size);
            if (!tell(ui, () -> receiver.accept(file))) {
                file.close();
            }
        }

        private static boolean tell(UI ui, com.vaadin.flow.server.Command command) {
            try {
                ui.access(command);
                return true;
            } catch (UIDetachedException gone) {
                return false;
            }
        }

        /** The name without any folder a browser may send along, at most 200 characters. */
        private static String baseName(String raw) {
            String n = raw == null ? "" : raw;
            n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).strip();
            return n.length() > 200 ? n.substring(n.length() - 200) : n;
        }
    }
}
