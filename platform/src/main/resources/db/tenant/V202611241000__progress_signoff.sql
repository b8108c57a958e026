-- Completion kept as counters beside the facts (updated in the same transaction as an answer, a
-- signature or a report), so the cockpit never counts students on a page view.
CREATE TABLE class_progress (
    campaign_id  bigint      NOT NULL REFERENCES campaigns (id),
    class_id     bigint      NOT NULL,          -- 0: students without a class
    college_id   bigint,
    students     int         NOT NULL DEFAULT 0,
    started      int         NOT NULL DEFAULT 0,
    signed       int         NOT NULL DEFAULT 0,
    reports_open int         NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, class_id)
);

-- Signatures per day (in the campaign's time zone): the 核查率 trend.
CREATE TABLE progress_daily (
    campaign_id bigint NOT NULL REFERENCES campaigns (id),
    day         date   NOT NULL,
    signed      int    NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, day)
);

-- Sign-offs after the students: the class monitor (汇总人) for a class, the counselor, the college,
-- the registrar. Evidence as for a student's signature; exceptions (students who did not sign, with
-- reasons) sealed with the content.
CREATE TABLE signoffs (
    id             bigserial PRIMARY KEY,
    campaign_id    bigint      NOT NULL REFERENCES campaigns (id),
    version        int         NOT NULL,
    level          text        NOT NULL CHECK (level IN ('CLASS_MONITOR', 'COUNSELOR', 'COLLEGE', 'REGISTRAR')),
    unit_id        bigint      NOT NULL,        -- class id, college id, or 0 for the registrar
    username       text        NOT NULL,
    method         text        NOT NULL,
    content_sha256 bytea       NOT NULL,
    content_enc    bytea       NOT NULL,
    exceptions     int         NOT NULL DEFAULT 0,
    receipt_code   text        NOT NULL UNIQUE,
    signed_at      timestamptz NOT NULL,
    ip             text,
    user_agent     text,
    late           boolean     NOT NULL DEFAULT false,
    UNIQUE (campaign_id, level, unit_id)
);
