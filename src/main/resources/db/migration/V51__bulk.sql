-- Bulk suggestions (issue 14). A job's files, the declarations read from them and one result per declaration, keyed by
-- item identity (job, file, declaration index): a chunk replayed after a crash writes nothing twice.
CREATE TABLE bulk_job (
    id          BIGSERIAL   PRIMARY KEY,
    owner       TEXT        NOT NULL,
    department  TEXT,
    improve     BOOLEAN     NOT NULL,
    dir         TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX bulk_job_department ON bulk_job (department);

-- status: PENDING (not read yet), READ (declarations stored), SKIPPED (unreadable; reason says why).
CREATE TABLE bulk_file (
    job_id       BIGINT  NOT NULL REFERENCES bulk_job (id) ON DELETE CASCADE,
    file_index   INT     NOT NULL,
    name         TEXT    NOT NULL,
    path         TEXT,
    status       TEXT    NOT NULL,
    declarations INT,
    reason       TEXT,
    PRIMARY KEY (job_id, file_index)
);

CREATE TABLE bulk_input (
    job_id      BIGINT NOT NULL REFERENCES bulk_job (id) ON DELETE CASCADE,
    file_index  INT    NOT NULL,
    decl_index  INT    NOT NULL,
    declaration JSONB  NOT NULL,
    PRIMARY KEY (job_id, file_index, decl_index)
);

-- status: DONE (report holds the checked rows and proposals) or FAILED (reason says why).
CREATE TABLE bulk_item (
    job_id      BIGINT      NOT NULL REFERENCES bulk_job (id) ON DELETE CASCADE,
    file_index  INT         NOT NULL,
    decl_index  INT         NOT NULL,
    status      TEXT        NOT NULL,
    department  TEXT,
    report      JSONB,
    reason      TEXT,
    finished_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, file_index, decl_index)
);
