--liquibase formatted sql

--changeset convene:core-002-users
CREATE TABLE core.app_user (
    id           uuid PRIMARY KEY,
    email        text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 320),
    display_name text        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email_key ON core.app_user (lower(email));
