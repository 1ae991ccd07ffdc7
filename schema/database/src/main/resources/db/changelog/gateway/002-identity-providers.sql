--liquibase formatted sql

--changeset convene:gateway-002-identity-providers
-- External OpenID Connect providers users may sign in with. The endpoints are read from the
-- provider's discovery document when an administrator registers it, so signing in does not
-- depend on discovery answering.
CREATE TABLE gateway.identity_provider (
    registration_id   varchar(40)  PRIMARY KEY CHECK (registration_id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    display_name      varchar(100) NOT NULL,
    issuer            text         NOT NULL,
    client_id         text         NOT NULL,
    client_secret     text         NOT NULL,
    scopes            text[]       NOT NULL,
    authorization_uri text         NOT NULL,
    token_uri         text         NOT NULL,
    jwk_set_uri       text         NOT NULL,
    user_info_uri     text,
    enabled           boolean      NOT NULL DEFAULT true,
    created_at        timestamptz  NOT NULL DEFAULT now()
);
