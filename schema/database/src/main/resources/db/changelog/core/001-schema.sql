--liquibase formatted sql

--changeset convene:core-001-schema
CREATE SCHEMA IF NOT EXISTS core;
