-- Drafts that live on the server (issue 11). The draft row holds what changes (status, current version); every save
-- adds an immutable version with the whole declaration and the checker's findings for it, in the same transaction as
-- the version bump, so a crash never leaves a half-written version.
CREATE TABLE draft (
    id           BIGSERIAL PRIMARY KEY,
    department   TEXT        NOT NULL REFERENCES department (name),
    year         INTEGER,
    project_name TEXT        NOT NULL DEFAULT '',
    status       VARCHAR(16) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    version      INTEGER     NOT NULL,
    created_by   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at   TIMESTAMPTZ
);

CREATE INDEX draft_department_status ON draft (department, status) WHERE deleted_at IS NULL;

CREATE TABLE draft_version (
    draft_id    BIGINT      NOT NULL REFERENCES draft (id),
    version     INTEGER     NOT NULL,
    author      VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    declaration JSONB       NOT NULL,
    findings    JSONB       NOT NULL,
    PRIMARY KEY (draft_id, version)
);

-- An author's written reason for keeping a flagged value; one per (indicator, rule), the latest reason wins.
CREATE TABLE draft_override (
    draft_id        BIGINT       NOT NULL REFERENCES draft (id),
    indicator_index INTEGER      NOT NULL,
    rule_id         VARCHAR(64)  NOT NULL,
    reason          TEXT         NOT NULL,
    author          VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (draft_id, indicator_index, rule_id)
);

CREATE TABLE draft_comment (
    id              BIGSERIAL PRIMARY KEY,
    draft_id        BIGINT      NOT NULL REFERENCES draft (id),
    version         INTEGER     NOT NULL,
    indicator_index INTEGER,
    text            TEXT        NOT NULL,
    author          VARCHAR(64) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Append-only: every state change of a draft, and rule configuration changes (draft_id null).
CREATE TABLE audit_event (
    id             BIGSERIAL PRIMARY KEY,
    draft_id       BIGINT REFERENCES draft (id),
    actor          VARCHAR(64) NOT NULL,
    at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    action         VARCHAR(32) NOT NULL,
    version_before INTEGER,
    version_after  INTEGER,
    detail         JSONB       NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_event_draft ON audit_event (draft_id, id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END
$$;

CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
