--liquibase formatted sql

--changeset convene:core-007-audit-changes
-- Audit records show the changes of their call: outbox rows share its correlation id.
CREATE INDEX outbox_correlation_idx ON core.outbox (correlation_id);
CREATE INDEX audit_log_correlation_idx ON core.audit_log (correlation_id);
