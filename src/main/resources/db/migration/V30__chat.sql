-- The chat about a draft (issue 13). A turn is stored when the message arrives and completed with the events the
-- assistant answered, so a turn whose client went away is kept. A proposed change is stored as it is streamed, so
-- that it can be accepted before the turn ends; accepting it saves a new draft version.
CREATE TABLE chat_turn (
    id            BIGSERIAL PRIMARY KEY,
    draft_id      BIGINT      NOT NULL REFERENCES draft (id),
    author        VARCHAR(64) NOT NULL,
    at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    draft_version INTEGER     NOT NULL,
    message       TEXT        NOT NULL,
    events        JSONB       NOT NULL DEFAULT '[]'
);

CREATE INDEX chat_turn_draft ON chat_turn (draft_id, id);

CREATE TABLE chat_change (
    draft_id                 BIGINT      NOT NULL REFERENCES draft (id),
    id                       VARCHAR(64) NOT NULL,
    turn_id                  BIGINT      NOT NULL REFERENCES chat_turn (id),
    status                   VARCHAR(16) NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'REJECTED', 'UNDONE')),
    change                   JSONB       NOT NULL,
    proposed_against_version INTEGER     NOT NULL,
    applied_version          INTEGER,
    -- An undo is proposed as the inverse of an accepted change; accepting it marks that change UNDONE.
    undoes                   VARCHAR(64),
    decided_by               VARCHAR(64),
    proposed_at              TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    decided_at               TIMESTAMPTZ,
    PRIMARY KEY (draft_id, id)
);
