-- The catalog (files, chunks, copies, folders) and the accounts (users, sessions, second factors, SSH keys),
-- as Hibernate wrote them before migrations existed. Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE SEQUENCE user_account_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE backup_code_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE mailed_code_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ssh_key_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE file_chunk_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE chunk_placement_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE user_account (
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

CREATE TABLE login_session (
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

CREATE TABLE login_challenge (
    challengeHash VARCHAR(64) NOT NULL,
    expiresAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    account_id BIGINT NOT NULL,
    CONSTRAINT login_challenge_pk PRIMARY KEY (challengeHash),
    CONSTRAINT login_challenge_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE backup_code (
    id BIGINT NOT NULL,
    codeHash VARCHAR(64) NOT NULL,
    salt VARCHAR(32) NOT NULL,
    account_id BIGINT NOT NULL,
    CONSTRAINT backup_code_pk PRIMARY KEY (id),
    CONSTRAINT backup_code_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE mailed_code (
    id BIGINT NOT NULL,
    codeHash VARCHAR(64) NOT NULL,
    salt VARCHAR(32) NOT NULL,
    expiresAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    account_id BIGINT NOT NULL,
    CONSTRAINT mailed_code_pk PRIMARY KEY (id),
    CONSTRAINT mailed_code_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE ssh_key (
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

CREATE TABLE folder (
    id VARCHAR(32) NOT NULL,
    createdAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    name VARCHAR(255) NOT NULL,
    owner VARCHAR(32) NOT NULL,
    parentId VARCHAR(32),
    CONSTRAINT folder_pk PRIMARY KEY (id)
);

CREATE TABLE stored_file (
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
CREATE INDEX stored_file_owner_folder_name ON stored_file (owner, folderId, name);
CREATE INDEX stored_file_owner_created ON stored_file (owner, createdAt);
CREATE INDEX stored_file_owner_size ON stored_file (owner, size);
CREATE INDEX stored_file_owner_name ON stored_file (owner, name);
CREATE INDEX stored_file_owner_status ON stored_file (owner, status);

CREATE TABLE file_chunk (
    id BIGINT NOT NULL,
    file_id VARCHAR(255),
    chunk_index INTEGER NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    size INTEGER NOT NULL,
    CONSTRAINT file_chunk_pk PRIMARY KEY (id),
    CONSTRAINT file_chunk_file_index UNIQUE (file_id, chunk_index),
    CONSTRAINT file_chunk_file FOREIGN KEY (file_id) REFERENCES stored_file (id)
);
CREATE INDEX file_chunk_file ON file_chunk (file_id);

CREATE TABLE chunk_placement (
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
CREATE INDEX chunk_placement_chunk ON chunk_placement (chunk_id);
CREATE INDEX chunk_placement_file_index ON chunk_placement (file_id, chunk_index);
CREATE INDEX chunk_placement_node ON chunk_placement (nodeId);
