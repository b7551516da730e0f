package org.p2pstorage.catalog.entity;

/**
 * A file left TRANSFERRING (AVAILABLE or FAILED): fired with the transaction that settled it, so that those
 * waiting for the upload's end are answered at once instead of asking the catalog again and again.
 */
public record FileSettled(String fileId) {
}
