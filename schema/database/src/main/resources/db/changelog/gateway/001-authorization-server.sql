--liquibase formatted sql

--changeset convene:gateway-001-schema
CREATE SCHEMA IF NOT EXISTS gateway;

--changeset convene:gateway-001-spring-authorization-server
-- The tables of Spring Authorization Server's JDBC services, adapted to PostgreSQL as its
-- schema files advise (timestamptz for timestamp, text for blob).
CREATE TABLE gateway.oauth2_registered_client (
    id                            varchar(100)  NOT NULL PRIMARY KEY,
    client_id                     varchar(100)  NOT NULL UNIQUE,
    client_id_issued_at           timestamptz   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL
);

CREATE TABLE gateway.oauth2_authorization (
    id                            varchar(100) NOT NULL PRIMARY KEY,
    registered_client_id          varchar(100) NOT NULL,
    principal_name                varchar(200) NOT NULL,
    authorization_grant_type      varchar(100) NOT NULL,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
-- The JDBC service looks tokens up by value; without these every lookup scans the table.
CREATE INDEX oauth2_authorization_state_idx ON gateway.oauth2_authorization (state);
CREATE INDEX oauth2_authorization_code_idx ON gateway.oauth2_authorization (authorization_code_value);
CREATE INDEX oauth2_authorization_access_idx ON gateway.oauth2_authorization (access_token_value);
CREATE INDEX oauth2_authorization_refresh_idx ON gateway.oauth2_authorization (refresh_token_value);

CREATE TABLE gateway.oauth2_authorization_consent (
    registered_client_id varchar(100)  NOT NULL,
    principal_name       varchar(200)  NOT NULL,
    authorities          varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

--changeset convene:gateway-001-signing-keys
-- Token signing keys. One is ACTIVE and signs; RETIRED ones stay published until the
-- tokens they signed have expired (retire_at), so rotation never invalidates a token.
CREATE TABLE gateway.signing_key (
    kid        text        PRIMARY KEY,
    jwk        text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    retire_at  timestamptz,
    CONSTRAINT signing_key_retired_has_time CHECK ((status = 'RETIRED') = (retire_at IS NOT NULL))
);
CREATE UNIQUE INDEX signing_key_one_active ON gateway.signing_key (status) WHERE status = 'ACTIVE';

--changeset convene:gateway-001-client-policies
-- What Convene adds to a registered client.
CREATE TABLE gateway.client_policy (
    client_id        varchar(100) PRIMARY KEY REFERENCES gateway.oauth2_registered_client (client_id) ON DELETE CASCADE,
    description      text         NOT NULL DEFAULT '',
    -- A client of Convene's own, trusted with the discouraged password grant when enabled.
    first_party      boolean      NOT NULL DEFAULT false,
    password_grant   boolean      NOT NULL DEFAULT false,
    disabled         boolean      NOT NULL DEFAULT false,
    -- The user a client-credentials client acts for, if any.
    owner_user_id    uuid,
    -- Addresses (CIDR) tokens of this client are accepted from; empty means anywhere.
    ip_allowlist     text[]       NOT NULL DEFAULT '{}',
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT client_policy_password_needs_first_party CHECK (NOT password_grant OR first_party)
);
