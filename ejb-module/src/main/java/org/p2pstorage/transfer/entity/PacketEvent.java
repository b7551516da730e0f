package org.p2pstorage.transfer.entity;

import java.time.Instant;

/**
 * One packet on the wire, for the recent-events log: the seed's packet structure (type, addresses,
 * sequence and acknowledgement numbers, checksum, timestamp) plus its size and whether it was lost.
 */
public record PacketEvent(Instant timestamp, PacketType type, String source, String destination, long seq,
                          long ack, int bytes, int checksum, boolean lost) {
}
