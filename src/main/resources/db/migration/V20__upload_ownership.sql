-- Every upload is its own record with a server-generated id; its declarations belong to it and are only ever
-- inserted, so a file with the same name (or the same project) uploaded later cannot replace them. A byte-identical
-- file is recognised by its SHA-256 and not stored twice.
CREATE TABLE upload (
    id          UUID        PRIMARY KEY,
    file_name   TEXT        NOT NULL,
    sha256      CHAR(64)    NOT NULL UNIQUE,
    size_bytes  BIGINT      NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE declaration ADD COLUMN upload_id UUID REFERENCES upload (id);

CREATE INDEX declaration_upload ON declaration (upload_id);
