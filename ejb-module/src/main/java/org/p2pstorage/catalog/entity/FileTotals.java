package org.p2pstorage.catalog.entity;

/** How many files the catalog holds, by status, and their bytes. */
public record FileTotals(long files, long available, long transferring, long failed, long bytes) {
}
