package io.rollcheck.tenantadmin.selfcheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.tenantadmin.campaign.CampaignContent;

import java.time.Instant;
import java.util.List;

/**
 * Where one student stands in a campaign: the published version he is served, the window it is open
 * for, each checklist field with his value (masked) and answer, his reports and his signature.
 */
@Serdeable
public record CheckState(long campaignId, String campaignName, int version, String campaignSha256,
                         CampaignContent.Notice notice, String noticeHtml, CampaignContent.Deadlines deadlines,
                         @Nullable Instant opensAt, @Nullable Instant studentDeadlineAt, Phase phase, Status status,
                         String nextStep, String maskedName, String studentNo, List<Field> fields, int answered,
                         List<Report> reports, @Nullable Signature signature, int unreadMessages) {

    /** Is the campaign taking students' answers now. */
    public enum Phase {
        NOT_OPEN, OPEN,
        /** After the student deadline, accepted and marked late (the tenant's late policy). */
        LATE,
        CLOSED
    }

    /** The one status a student sees: 未开始 / 核对中 / 已确认无误 / 已报告错误，处理中 / 已签名 / 请重新确认. */
    public enum Status { NOT_STARTED, CHECKING, CONFIRMED, REPORTED, SIGNED, RECONFIRM }

    /** A checklist field as the student checks it. {@code value} is masked for personal fields. */
    @Serdeable
    public record Field(String field, @Nullable String value, boolean personal, @Nullable String note, boolean keyField,
                        CampaignContent.EditPolicy policy, List<String> evidence, @Nullable String answer,
                        @Nullable String resolution, @Nullable Long reportId) {
    }

    /** An error report with its review state; values as the student wrote them (his own data). */
    @Serdeable
    public record Report(long id, String kind, @Nullable String field, String policy, String status,
                         @Nullable String shown, @Nullable String correct, @Nullable String reason,
                         @Nullable String reviewerComment, Instant createdAt, Instant updatedAt, boolean late,
                         List<Evidence> evidence) {
    }

    /** An evidence file's description (the bytes are served separately). */
    @Serdeable
    public record Evidence(long id, String fileName, String contentType, long size) {
    }

    /** The student's latest signature; {@code current} is false when a newer version asks to re-confirm. */
    @Serdeable
    public record Signature(int version, boolean current, String receiptCode, Instant signedAt, String method,
                            String contentSha256, boolean late) {
    }

    /** True when every checklist field has an answer. */
    public boolean complete() {
        return answered == fields.size();
    }
}
