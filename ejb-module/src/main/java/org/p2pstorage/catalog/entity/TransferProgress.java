package org.p2pstorage.catalog.entity;

/**
 * A file's transfer as a progress bar shows it. Every copy of every chunk crosses the network, so the
 * copies and bytes acknowledged, the percent and the time left count all of them; {@code chunksAcknowledged}
 * are the chunks whose copies are all answered. {@code expectedMs} is the time the link model expects
 * the network part to take ({@code null} when it is not known, as after a restart).
 */
public record TransferProgress(String fileId, String name, String status, int chunksAcknowledged, int chunksTotal,
                               int copiesAcknowledged, int copiesTotal, int replicas,
                               long bytesAcknowledged, long bytesTotal, double percent, long elapsedMs,
                               Long expectedMs, long etaMs, int retransmissions) {
}
