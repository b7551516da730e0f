-- A catalog that a release before migrations left has the schema Hibernate wrote for that release (hbm2ddl=update):
-- what later releases added is missing there. This makes it version 1 (V1__catalog_and_accounts.sql) before Flyway
-- takes it as such: the sequences, tables and indexes V1 has, and the columns added to its tables since the first
-- release. Every statement leaves an object that exists as it is (states still H2 ENUM columns: V2 changes them).
-- Only for a catalog with tables and no flyway_schema_history (SchemaMigrations); the same SQL on H2 and PostgreSQL.

CREATE SEQUENCE IF NOT EXISTS user_account_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS backup_code_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS mailed_code_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS ssh_key_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS file_chunk_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS chunk_placement_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE IF NOT EXISTS user_account (
    id BIGINT NOT NULL,
    admin BOOLEAN NOT NULL,
    createdAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    email VARCHAR(254) NOT NULL,
    lastLoginAt TIMESTAMP(6) WITH TIME ZONE,
    lastLoginIp VARCHAR(64),
    lastOtpStep BIGINT NOT NULL,
    otpSecret VARCHAR(64),
    passwordHash VARCHAR(200) NOT NULL,
    pendingFactor VARCHAR(8),
    pendingSecret VARCHAR(64),
    quotaBytes BIGINT,
    secondFactor VARCHAR(8) NOT NULL,
    username VARCHAR(32) NOT NULL,
    CONSTRAINT user_account_pk PRIMARY KEY (id),
    CONSTRAINT user_account_username UNIQUE (username),
    CONSTRAINT user_account_email UNIQUE (email)
);

CREATE TABLE IF NOT EXISTS login_session (
    id VARCHAR(32) NOT NULL,
    createdAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expiresAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ip VARCHAR(64),
    lastUsedAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    tokenHash VARCHAR(64) NOT NULL,
    userAgent VARCHAR(255),
    account_id BIGINT NOT NULL,
    CONSTRAINT login_session_pk PRIMARY KEY (id),
    CONSTRAINT login_session_token UNIQUE (tokenHash),
    CONSTRAINT login_session_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE IF NOT EXISTS login_challenge (
    challengeHash VARCHAR(64) NOT NULL,
    expiresAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    account_id BIGINT NOT NULL,
    CONSTRAINT login_challenge_pk PRIMARY KEY (challengeHash),
    CONSTRAINT login_challenge_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE IF NOT EXISTS backup_code (
    id BIGINT NOT NULL,
    codeHash VARCHAR(64) NOT NULL,
    salt VARCHAR(32) NOT NULL,
    account_id BIGINT NOT NULL,
    CONSTRAINT backup_code_pk PRIMARY KEY (id),
    CONSTRAINT backup_code_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE IF NOT EXISTS mailed_code (
    id BIGINT NOT NULL,
    codeHash VARCHAR(64) NOT NULL,
    salt VARCHAR(32) NOT NULL,
    expiresAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    account_id BIGINT NOT NULL,
    CONSTRAINT mailed_code_pk PRIMARY KEY (id),
    CONSTRAINT mailed_code_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE IF NOT EXISTS ssh_key (
    id BIGINT NOT NULL,
    algorithm VARCHAR(60) NOT NULL,
    createdAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    fingerprint VARCHAR(100) NOT NULL,
    lastUsedAt TIMESTAMP(6) WITH TIME ZONE,
    name VARCHAR(100) NOT NULL,
    publicKey VARCHAR(4000) NOT NULL,
    account_id BIGINT NOT NULL,
    CONSTRAINT ssh_key_pk PRIMARY KEY (id),
    CONSTRAINT ssh_key_account_fingerprint UNIQUE (account_id, fingerprint),
    CONSTRAINT ssh_key_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE IF NOT EXISTS folder (
    id VARCHAR(32) NOT NULL,
    createdAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    name VARCHAR(255) NOT NULL,
    owner VARCHAR(32) NOT NULL,
    parentId VARCHAR(32),
    CONSTRAINT folder_pk PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS stored_file (
    id VARCHAR(32) NOT NULL,
    acknowledged INTEGER NOT NULL,
    chunkCount INTEGER NOT NULL,
    chunkSize INTEGER NOT NULL,
    completedAt TIMESTAMP(6) WITH TIME ZONE,
    copiesSent INTEGER,
    createdAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expectedSize BIGINT NOT NULL,
    failure VARCHAR(500),
    folderId VARCHAR(32),
    name VARCHAR(255) NOT NULL,
    owner VARCHAR(32),
    recoveredFrom VARCHAR(32),
    rejected INTEGER NOT NULL,
    replicas INTEGER,
    sealed BOOLEAN NOT NULL,
    sha256 VARCHAR(64),
    size BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    CONSTRAINT stored_file_pk PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS file_chunk (
    id BIGINT NOT NULL,
    file_id VARCHAR(255),
    chunk_index INTEGER NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    size INTEGER NOT NULL,
    CONSTRAINT file_chunk_pk PRIMARY KEY (id),
    CONSTRAINT file_chunk_file_index UNIQUE (file_id, chunk_index),
    CONSTRAINT file_chunk_file FOREIGN KEY (file_id) REFERENCES stored_file (id)
);

CREATE TABLE IF NOT EXISTS chunk_placement (
    id BIGINT NOT NULL,
    chunk_index INTEGER NOT NULL,
    file_id VARCHAR(32) NOT NULL,
    nodeId VARCHAR(16) NOT NULL,
    purpose VARCHAR(16),
    sentAt TIMESTAMP(6) WITH TIME ZONE,
    state VARCHAR(16) NOT NULL,
    chunk_id BIGINT NOT NULL,
    CONSTRAINT chunk_placement_pk PRIMARY KEY (id),
    CONSTRAINT chunk_placement_chunk FOREIGN KEY (chunk_id) REFERENCES file_chunk (id)
);

-- Columns added to tables that the first releases already had (Hibernate added them to existing catalogs).
ALTER TABLE user_account ADD COLUMN IF NOT EXISTS quotaBytes BIGINT;
ALTER TABLE stored_file ADD COLUMN IF NOT EXISTS copiesSent INTEGER;
ALTER TABLE stored_file ADD COLUMN IF NOT EXISTS replicas INTEGER;
ALTER TABLE stored_file ADD COLUMN IF NOT EXISTS folderId VARCHAR(32);
ALTER TABLE stored_file ADD COLUMN IF NOT EXISTS owner VARCHAR(32);
ALTER TABLE stored_file ADD COLUMN IF NOT EXISTS recoveredFrom VARCHAR(32);
ALTER TABLE stored_file ADD COLUMN IF NOT EXISTS expectedSize BIGINT DEFAULT -1 NOT NULL;
ALTER TABLE chunk_placement ADD COLUMN IF NOT EXISTS purpose VARCHAR(16);
ALTER TABLE chunk_placement ADD COLUMN IF NOT EXISTS sentAt TIMESTAMP(6) WITH TIME ZONE;

-- The indexes that the entities name, as Hibernate named them too. Those it named itself (on chunk_placement and
-- file_chunk) are in every catalog since the releases that declared them, under its own names: not made twice.
CREATE INDEX IF NOT EXISTS stored_file_owner_folder_name ON stored_file (owner, folderId, name);
CREATE INDEX IF NOT EXISTS stored_file_owner_created ON stored_file (owner, createdAt);
CREATE INDEX IF NOT EXISTS stored_file_owner_size ON stored_file (owner, size);
CREATE INDEX IF NOT EXISTS stored_file_owner_name ON stored_file (owner, name);
CREATE INDEX IF NOT EXISTS stored_file_owner_status ON stored_file (owner, status);
