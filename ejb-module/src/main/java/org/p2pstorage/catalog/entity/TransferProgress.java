package org.p2pstorage.catalog.entity;

/**
 * A file's transfer as a progress bar shows it: chunks and bytes acknowledged out of the total, the
 * time elapsed, the time the link model expects the network part to take ({@code null} when it is not
 * known, as after a restart), the time left, and how many packets had to be sent again.
 */
public record TransferProgress(String fileId, String name, String status, int chunksAcknowledged, int chunksTotal,
                               long bytesAcknowledged, long bytesTotal, double percent, long elapsedMs,
                               Long expectedMs, long etaMs, int retransmissions) {
}
