package org.p2pstorage.catalog.entity;

import java.time.Instant;

/** A file reduced to what a search by name looks through and sorts by; the page it finds is read in full. */
public record FileLine(String fileId, String name, String folderId, long size, Instant createdAt) {
}
