package org.p2pstorage.network.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.storage.entity.ProcessState;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.LinkSettings;
import org.p2pstorage.transfer.entity.PacketType;

class RegisteredNodeTest {

    private static final NodeStatus STATUS = new NodeStatus("Node_04", "192.168.1.5", ProcessState.READY, 1000, 0, 0, 0, null);

    private static InterfaceStatistics traffic(long dataPackets, long bytes) {
        Map<PacketType, Long> sent = new EnumMap<>(PacketType.class);
        Map<PacketType, Long> received = new EnumMap<>(PacketType.class);
        for (PacketType type : PacketType.values()) {
            sent.put(type, 0L);
            received.put(type, 0L);
        }
        sent.put(PacketType.ACK, dataPackets);
        received.put(PacketType.DATA, dataPackets);
        received.put(PacketType.SYN, 2L);
        return new InterfaceStatistics("Node_04", "192.168.1.5", sent, received, dataPackets * 40, bytes, 3, 0.0125,
                131_072.5, 65_536.25);
    }

    @Test
    void theLinkCountersItsHostPostedComeBackWhole() {
        RegisteredNode row = new RegisteredNode("server-b", STATUS, LinkSettings.DEFAULT, traffic(16, 1_048_576),
                Instant.parse("2026-12-04T10:00:00Z"));
        assertEquals(traffic(16, 1_048_576), row.linkStatistics().orElseThrow());
    }

    @Test
    void eachPostReplacesTheCountersBefore() {
        RegisteredNode row = new RegisteredNode("server-b", STATUS, LinkSettings.DEFAULT, traffic(1, 65_536),
                Instant.parse("2026-12-04T10:00:00Z"));
        row.post("server-b", STATUS, LinkSettings.DEFAULT, traffic(48, 3_145_728), Instant.parse("2026-12-04T10:00:01Z"));
        InterfaceStatistics shown = row.linkStatistics().orElseThrow();
        assertEquals(3_145_728, shown.bytesReceived());
        assertEquals(48L, shown.packetsReceived().get(PacketType.DATA));
        assertEquals(0L, shown.packetsSent().get(PacketType.FIN), "every packet type counted, 0 too");
    }
}
