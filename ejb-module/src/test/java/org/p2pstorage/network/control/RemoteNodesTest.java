package org.p2pstorage.network.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.p2pstorage.network.entity.RegisteredNode;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.storage.entity.ProcessState;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.LinkSettings;
import org.p2pstorage.transfer.entity.PacketType;

class RemoteNodesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final Instant now = Instant.parse("2026-12-04T08:00:00Z");
    private final RemoteNodes remote = new RemoteNodes();
    private static final InterfaceStatistics TRAFFIC = new InterfaceStatistics("Node_04", "192.168.1.5",
            Map.of(PacketType.ACK, 3L), Map.of(PacketType.DATA, 3L), 120, 196_608, 1, 0.25, 0, 65_536);

    private static RegisteredNode row(String server, ProcessState state, long used, Instant seen) {
        return new RegisteredNode(server, new NodeStatus("Node_04", "192.168.1.5", state, 1000, used, 0, 3, null),
                LinkSettings.DEFAULT, TRAFFIC, seen);
    }

    @Test
    void aNodeWhoseHostWritesIsSeenAsItsHostPostedIt() {
        remote.refresh(List.of(row("server-b", ProcessState.WAITING, 400, now.minusSeconds(1))), now, TIMEOUT);
        NodeStatus status = remote.status("Node_04").orElseThrow();
        assertEquals(ProcessState.WAITING, status.state());
        assertEquals(600, status.availableBytes());
        assertNull(status.downSince());
    }

    @Test
    void aNodeWhoseHostFellSilentIsStoppedSinceItsLastWord() {
        Instant lastWord = now.minusSeconds(4);
        remote.refresh(List.of(row("server-b", ProcessState.READY, 400, lastWord)), now, TIMEOUT);
        NodeStatus status = remote.status("Node_04").orElseThrow();
        assertEquals(ProcessState.STOPPED, status.state());
        assertEquals(lastWord, status.downSince());
        assertFalse(remote.reserve("Node_04", 10), "nothing is placed on a node that is gone");
    }

    @Test
    void roomPromisedFromHereCountsUntilTheNodeAnswers() {
        remote.refresh(List.of(row("server-b", ProcessState.READY, 400, now)), now, TIMEOUT);
        assertTrue(remote.reserve("Node_04", 500));
        assertFalse(remote.reserve("Node_04", 200), "400 used + 500 promised + 200 > 1000");
        assertEquals(100, remote.status("Node_04").orElseThrow().availableBytes());
        remote.release("Node_04", 500);
        assertTrue(remote.reserve("Node_04", 200));
        assertTrue(remote.status("Node_05").isEmpty(), "a node no server registered is unknown");
    }
}
