package org.p2pstorage.transfer.entity;

import java.util.Map;

/**
 * What one network interface (a node's, the gateway's, or all of them together) has sent and received:
 * packets by type, payload bytes, retransmissions, the measured loss rate of data packets, and the
 * throughput of data received, now (last two seconds) and on average while it was busy.
 */
public record InterfaceStatistics(String id, String address, Map<PacketType, Long> packetsSent,
                                  Map<PacketType, Long> packetsReceived, long bytesSent, long bytesReceived,
                                  long retransmissions, double measuredLossRate, double currentThroughputBytesPerSecond,
                                  double averageThroughputBytesPerSecond) {
}
