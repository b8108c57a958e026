-- The full student record as the national register (学信网) shows it. Personal fields stay sealed
-- (id_number_enc, birth_date_enc, phone_enc); row_hash (keyed) tells an unchanged re-import apart.
ALTER TABLE students
    ADD COLUMN candidate_no        text,
    ADD COLUMN ethnicity           text,
    ADD COLUMN origin              text,
    ADD COLUMN institution         text,
    ADD COLUMN major               text,
    ADD COLUMN duration            text,
    ADD COLUMN level               text,
    ADD COLUMN admission_year      int,
    ADD COLUMN study_mode          text,
    ADD COLUMN category            text,
    ADD COLUMN branch              text,
    ADD COLUMN department          text,
    ADD COLUMN class_name          text,
    ADD COLUMN enrolment_date      date,
    ADD COLUMN expected_graduation date,
    ADD COLUMN row_hash            bytea;
CREATE INDEX students_admission_year ON students (admission_year);

CREATE TABLE majors (
    id         bigserial PRIMARY KEY,
    college_id bigint REFERENCES colleges (id),
    name       text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE roster_imports (
    id         bigserial PRIMARY KEY,
    actor      text        NOT NULL,
    file_name  text        NOT NULL,
    file_type  text        NOT NULL,
    file_sha256 bytea      NOT NULL,
    rows       int         NOT NULL,
    created    int         NOT NULL,
    updated    int         NOT NULL,
    unchanged  int         NOT NULL,
    rejected   int         NOT NULL,
    committed  boolean     NOT NULL,
    millis     int         NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
