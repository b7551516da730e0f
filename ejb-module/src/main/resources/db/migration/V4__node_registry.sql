-- The network's registry: every node's latest status and link settings, written by the server that hosts it (about once a
-- second), read by every server sharing this database, so that placement, health, topology and the portal
-- agree whichever server answers. A node whose host stops writing is seen as down. Portable SQL (H2, PostgreSQL).
CREATE TABLE node_registry (
    nodeId VARCHAR(16) NOT NULL,
    serverId VARCHAR(64) NOT NULL,
    address VARCHAR(32) NOT NULL,
    state VARCHAR(16) NOT NULL,
    capacityBytes BIGINT NOT NULL,
    usedBytes BIGINT NOT NULL,
    reservedBytes BIGINT NOT NULL,
    segments INTEGER NOT NULL,
    bandwidthBytesPerSecond BIGINT NOT NULL,
    delayMinMs INTEGER NOT NULL,
    delayMaxMs INTEGER NOT NULL,
    lossRate DOUBLE PRECISION NOT NULL,
    downSince TIMESTAMP(6) WITH TIME ZONE,
    seenAt TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT node_registry_pk PRIMARY KEY (nodeId)
);

-- The server taking an upload: after its restart it gives up only its own uploads that were cut off, not
-- those other servers are still taking (null: before several servers, or a file not being uploaded).
ALTER TABLE stored_file ADD COLUMN uploadedBy VARCHAR(64);
