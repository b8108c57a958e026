package io.rollcheck.tenantadmin.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a registrar configures for one campaign: the notice, the checklist, the contact
 * offices, the deadlines, the audience, the sign-off workflow, the CHSI guide and the FAQ. A draft
 * is one of these; publishing freezes one as a numbered version.
 */
@Serdeable
public record CampaignContent(Notice notice, List<ChecklistItem> checklist, List<Office> offices, Deadlines deadlines,
                              Audience audience, List<WorkflowStep> workflow, List<GuideStep> guide, List<FaqEntry> faq) {

    /** The notice (通知) as the registrar's office issues it. Body in Markdown, sanitised when rendered. */
    @Serdeable
    public record Notice(@Nullable String title, @Nullable String docNo, @Nullable LocalDate issueDate,
                         @Nullable String draftingOffice, @Nullable String signer, @Nullable String addressees,
                         @Nullable String bodyMarkdown, @Nullable List<Long> attachmentIds) {
    }

    /** One field of the record to check, with the university's note and how an error is handled. */
    @Serdeable
    public record ChecklistItem(String field, @Nullable String note, boolean keyField, EditPolicy policy,
                                @Nullable List<String> evidence) {
    }

    /** How a student fixes a field found wrong. */
    public enum EditPolicy {
        /** The student enters the right value himself. */
        DIRECT,
        /** The student reports it with evidence; it is reviewed online. */
        ONLINE_REVIEW,
        /** The student brings documents to an office. */
        PAPER_EVIDENCE
    }

    /** A contact office (学籍科, 学生处, CHSI's own hotline…). */
    @Serdeable
    public record Office(String name, @Nullable String location, @Nullable List<String> phones, @Nullable String email,
                         @Nullable String hours, @Nullable List<String> fields) {
    }

    /** Dates of the campaign, each meaning the end of that day in {@code timeZone}. */
    @Serdeable
    public record Deadlines(@Nullable LocalDate opens, @Nullable LocalDate studentDeadline,
                            @Nullable LocalDate classDeadline, @Nullable LocalDate collegeDeadline,
                            @Nullable LocalDate closes, @Nullable String timeZone, @Nullable LatePolicy latePolicy) {
    }

    /** What happens to work handed in after a deadline. */
    public enum LatePolicy { REFUSE, ACCEPT_MARKED_LATE }

    /** Who the campaign is for. */
    @Serdeable
    public record Audience(@Nullable Integer cohort, @Nullable List<String> levels, @Nullable List<String> excludedGroups) {
    }

    /** One level of the sign-off chain after the student. */
    @Serdeable
    public record WorkflowStep(SignLevel level, boolean enabled, @Nullable LocalDate deadline) {
    }

    /** The levels that may sign after the student, in order. */
    public enum SignLevel { CLASS_MONITOR, COUNSELOR, COLLEGE, REGISTRAR }

    /** One step of the CHSI guide. */
    @Serdeable
    public record GuideStep(String title, String text) {
    }

    /** A troubleshooting entry; keywords help the search. */
    @Serdeable
    public record FaqEntry(String question, String answer, @Nullable List<String> keywords) {
    }
}
