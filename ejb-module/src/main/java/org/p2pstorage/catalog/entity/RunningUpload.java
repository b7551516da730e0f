package org.p2pstorage.catalog.entity;

import java.time.Instant;

/**
 * An upload still TRANSFERRING, as another server sees it: which server is taking it and since when. Only that
 * server can finish it (its nodes' answers come back to it); if it is gone for good, a live server gives it up.
 */
public record RunningUpload(String fileId, String uploadedBy, Instant startedAt) {
}
