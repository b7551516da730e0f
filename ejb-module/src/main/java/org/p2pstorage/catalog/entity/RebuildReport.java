package org.p2pstorage.catalog.entity;

import java.time.Instant;

/**
 * What reconciling the catalog with the nodes did: files recovered from the nodes' records, copies found
 * on disk and added to the chunk map, chunk files that no file claims removed, copies the map listed
 * but no node holds dropped, and files whose chunks are not all on the nodes (left as they are).
 */
public record RebuildReport(long filesRecovered, long chunksAdopted, long orphansRemoved, long copiesDropped,
                            long filesIncomplete, Instant completedAt) {
}
