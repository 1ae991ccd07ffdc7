--liquibase formatted sql

--changeset convene:core-016-session-materials
-- Slides, documents, recordings and links of a session. A material is either a link (a URL,
-- no content) or a file whose content lies in the content store under storage_key (the
-- metadata here, the bytes there). The content is stored before its row is written and
-- removed after its row's deletion commits, so a row always finds its content.
CREATE TABLE core.session_material (
    id               uuid PRIMARY KEY,
    session_id       uuid        NOT NULL REFERENCES core.session (id),
    kind             text        NOT NULL CHECK (kind IN ('SLIDES', 'DOCUMENT', 'VIDEO', 'IMAGE', 'ARCHIVE', 'LINK', 'OTHER')),
    title            text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    -- a link's target: http or https only, never javascript:, data: or file:
    url              text CHECK (char_length(url) <= 2000 AND url ~* '^https?://[^\s/?#]+[^\s]*$'),
    -- a file's name as shown and offered for download: no folders, no control characters
    file_name        text CHECK (char_length(file_name) BETWEEN 1 AND 255 AND file_name !~ '[/\\[:cntrl:]]'
                                 AND file_name NOT IN ('.', '..')),
    -- the detected type of a file's bytes, e.g. application/pdf
    content_type     text CHECK (content_type ~ '^[a-z0-9.+-]+/[a-z0-9.+-]+$'),
    size_bytes       bigint CHECK (size_bytes > 0),
    -- SHA-256 of the content, lower-case hex
    sha256           text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key      text UNIQUE CHECK (storage_key ~ '^[0-9a-z/-]{1,200}$'),
    -- ordering within the session, ascending; ties by created_at
    position         integer     NOT NULL CHECK (position BETWEEN 0 AND 10000),
    -- who added it, as the audit log names callers, and the user if one did
    added_by         text        NOT NULL CHECK (char_length(added_by) BETWEEN 1 AND 300),
    added_by_user_id uuid REFERENCES core.app_user (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint      NOT NULL DEFAULT 1 CHECK (version >= 1),
    -- a link has a URL and no content; a file has its content's name, type, size, hash and
    -- key and no URL; a LINK material is always a link
    CONSTRAINT session_material_link_or_file CHECK (
        (url IS NOT NULL AND file_name IS NULL AND content_type IS NULL AND size_bytes IS NULL
            AND sha256 IS NULL AND storage_key IS NULL)
        OR (url IS NULL AND kind <> 'LINK' AND file_name IS NOT NULL AND content_type IS NOT NULL
            AND size_bytes IS NOT NULL AND sha256 IS NOT NULL AND storage_key IS NOT NULL))
);
CREATE INDEX session_material_session_idx ON core.session_material (session_id, position, created_at);
