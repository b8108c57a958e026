-- Reminder rules per campaign and level, and the send log. The log's key makes each reminder go out
-- once per rule, day, recipient and channel, however many instances run the scheduler.
CREATE TABLE reminder_rules (
    id              bigserial PRIMARY KEY,
    campaign_id     bigint      NOT NULL REFERENCES campaigns (id),
    level           text        NOT NULL CHECK (level IN ('STUDENT', 'CLASS_MONITOR', 'COLLEGE')),
    days_before     int[]       NOT NULL DEFAULT '{3}',
    daily_last_days int         NOT NULL DEFAULT 3,
    send_at         time        NOT NULL DEFAULT '09:00',
    quiet_start     time        NOT NULL DEFAULT '22:00',
    quiet_end       time        NOT NULL DEFAULT '08:00',
    channels        text[]      NOT NULL DEFAULT '{IN_APP}',
    enabled         boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reminders_sent (
    rule_id   bigint      NOT NULL REFERENCES reminder_rules (id),
    slot      date        NOT NULL,
    recipient text        NOT NULL,
    channel   text        NOT NULL,
    status    text        NOT NULL DEFAULT 'SENT',
    sent_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (rule_id, slot, recipient, channel)
);

-- A closed campaign's frozen record: the export workbook as it stood at closing, sealed.
CREATE TABLE campaign_archives (
    campaign_id bigint      PRIMARY KEY REFERENCES campaigns (id),
    closed_at   timestamptz NOT NULL DEFAULT now(),
    closed_by   text        NOT NULL,
    sha256      bytea       NOT NULL,
    xlsx_enc    bytea       NOT NULL
);
