-- Organisation, the student record (personal fields sealed, ID number blind-indexed) and account
-- details needed for sign-in by every role.
CREATE TABLE colleges (
    id         bigserial PRIMARY KEY,
    code       text        NOT NULL UNIQUE,
    name_zh    text        NOT NULL,
    name_en    text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE classes (
    id         bigserial PRIMARY KEY,
    college_id bigint      NOT NULL REFERENCES colleges (id),
    code       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    cohort     int,
    level      text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX classes_college ON classes (college_id);

CREATE TABLE students (
    id             bigserial PRIMARY KEY,
    student_no     text        NOT NULL UNIQUE,
    name           text        NOT NULL,
    sex            text,
    class_id       bigint REFERENCES classes (id),
    college_id     bigint REFERENCES colleges (id),
    id_type        text        NOT NULL DEFAULT 'RESIDENT_ID',
    id_number_enc  bytea,
    id_number_idx  bytea,
    birth_date_enc bytea,
    phone_enc      bytea,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX students_class ON students (class_id);
CREATE INDEX students_college ON students (college_id);
CREATE INDEX students_id_idx ON students (id_number_idx);

ALTER TABLE users
    ADD COLUMN student_id           bigint REFERENCES students (id),
    ADD COLUMN email                text,
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    ADD COLUMN disabled             boolean NOT NULL DEFAULT false,
    ADD COLUMN last_login_at        timestamptz;
CREATE UNIQUE INDEX users_student ON users (student_id) WHERE student_id IS NOT NULL;

-- Where a staff member, counselor or class monitor may look: colleges or classes.
CREATE TABLE user_scopes (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    college_id bigint REFERENCES colleges (id),
    class_id   bigint REFERENCES classes (id),
    CHECK (num_nonnulls(college_id, class_id) = 1)
);
CREATE UNIQUE INDEX user_scopes_uq ON user_scopes (user_id, coalesce(college_id, 0), coalesce(class_id, 0));

CREATE TABLE tenant_settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO tenant_settings (key, value) VALUES ('student.initialSecret', 'ID_LAST6');
