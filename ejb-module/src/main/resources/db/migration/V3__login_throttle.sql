-- The login throttle's failures, per account and per address, shared by every server on this database
-- (they were kept in each server's memory). Portable SQL: the same script runs on H2 and PostgreSQL.
CREATE TABLE login_throttle (
    throttleKey VARCHAR(200) NOT NULL,
    failures INTEGER NOT NULL,
    lastFailure TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT login_throttle_pk PRIMARY KEY (throttleKey)
);
CREATE INDEX login_throttle_last ON login_throttle (lastFailure);
