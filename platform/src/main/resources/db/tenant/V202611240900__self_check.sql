-- The student's self-check: an answer per checklist field, error reports with sealed evidence,
-- signatures (evidence records chained into the audit log) and in-app messages.

-- One answer per student, campaign and field; `version` is the campaign version it was given against.
CREATE TABLE field_checks (
    campaign_id bigint      NOT NULL REFERENCES campaigns (id),
    student_id  bigint      NOT NULL REFERENCES students (id),
    field       text        NOT NULL,
    answer      text        NOT NULL CHECK (answer IN ('MATCH', 'MISMATCH')),
    resolution  text        CHECK (resolution IN ('CORRECTED', 'REPORTED', 'PAPER')),
    report_id   bigint,
    version     int         NOT NULL,
    late        boolean     NOT NULL DEFAULT false,
    answered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, student_id, field)
);

-- What a student reports wrong. Values and the reason may hold personal data: sealed.
-- class_id/college_id are copied from the record so reviewers' scope queries need no join.
CREATE TABLE error_reports (
    id               bigserial PRIMARY KEY,
    campaign_id      bigint      NOT NULL REFERENCES campaigns (id),
    student_id       bigint      NOT NULL REFERENCES students (id),
    class_id         bigint,
    college_id       bigint,
    kind             text        NOT NULL CHECK (kind IN ('FIELD', 'ACCOUNT')),
    field            text,
    policy           text        NOT NULL CHECK (policy IN ('ONLINE_REVIEW', 'PAPER_EVIDENCE', 'ACCOUNT')),
    shown_enc        bytea,
    correct_enc      bytea,
    reason_enc       bytea,
    status           text        NOT NULL DEFAULT 'OPEN'
        CHECK (status IN ('OPEN', 'FORWARDED', 'RETURNED', 'RESOLVED', 'REJECTED', 'WITHDRAWN')),
    reviewer_comment text,
    reviewed_by      text,
    reviewed_at      timestamptz,
    late             boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX error_reports_student ON error_reports (campaign_id, student_id);
CREATE INDEX error_reports_queue ON error_reports (campaign_id, status, college_id, class_id);
-- At most one live report per student, campaign and field (a retry updates it).
CREATE UNIQUE INDEX error_reports_one_live_per_field ON error_reports (campaign_id, student_id, field)
    WHERE kind = 'FIELD' AND status IN ('OPEN', 'FORWARDED', 'RETURNED');

-- Evidence files: re-encoded images or PDFs, sealed with the tenant's key (AES-GCM).
CREATE TABLE evidence_files (
    id           bigserial PRIMARY KEY,
    report_id    bigint      NOT NULL REFERENCES error_reports (id),
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL,
    sha256       text        NOT NULL,
    data_enc     bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_files_report ON evidence_files (report_id);

-- A student's signature of one campaign version: identity and method, the SHA-256 of the canonical
-- signed content (kept sealed beside it), server time, IP and user agent. One per version.
CREATE TABLE student_signatures (
    id             bigserial PRIMARY KEY,
    campaign_id    bigint      NOT NULL REFERENCES campaigns (id),
    version        int         NOT NULL,
    student_id     bigint      NOT NULL REFERENCES students (id),
    username       text        NOT NULL,
    method         text        NOT NULL,
    content_sha256 bytea       NOT NULL,
    content_enc    bytea       NOT NULL,
    receipt_code   text        NOT NULL UNIQUE,
    signed_at      timestamptz NOT NULL,
    ip             text,
    user_agent     text,
    late           boolean     NOT NULL DEFAULT false,
    UNIQUE (campaign_id, student_id, version)
);

-- In-app messages to a student (a report's status changed, a new notice version to re-confirm).
CREATE TABLE student_messages (
    id         bigserial PRIMARY KEY,
    student_id bigint      NOT NULL REFERENCES students (id),
    kind       text        NOT NULL,
    report_id  bigint,
    status     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX student_messages_unread ON student_messages (student_id) WHERE read_at IS NULL;
