-- Declarations imported by users (legacy forms uploaded in the panel or by API). The corpus shipped in corpus/
-- stays in files; this table holds what users add, so that it survives restarts and index rebuilds.
CREATE TABLE declaration (
    id           VARCHAR(32) PRIMARY KEY,
    source       TEXT        NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    project_name TEXT        NOT NULL,
    year         INTEGER,
    body         JSONB       NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX declaration_imported_at ON declaration (imported_at DESC);
