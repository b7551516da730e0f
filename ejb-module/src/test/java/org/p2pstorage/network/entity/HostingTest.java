package org.p2pstorage.network.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HostingTest {

    @Test
    void aServerAloneHostsEveryNode() {
        Hosting hosting = Hosting.of("p2p-1", 5, "");
        assertEquals(List.of("Node_01", "Node_02", "Node_03", "Node_04", "Node_05"), hosting.allNodes());
        assertEquals(5, hosting.hosted().size());
        assertTrue(hosting.alone());
    }

    @Test
    void rangesAndSingleIdsNameTheHostedNodes() {
        Hosting hosting = Hosting.of("server-a", 6, "Node_01-Node_03, Node_05");
        assertEquals(List.of("Node_01", "Node_02", "Node_03", "Node_05"), List.copyOf(hosting.hosted()));
        assertTrue(hosting.hosts("Node_02"));
        assertFalse(hosting.hosts("Node_04"));
        assertFalse(hosting.alone());
        assertEquals(6, hosting.allNodes().size());
    }

    @Test
    void aNodeOutsideTheNetworkOrAGarbledSpecIsRefusedWithTheReason() {
        assertEquals("Node_07 is not in the network of 5 nodes",
                assertThrows(IllegalArgumentException.class, () -> Hosting.of("a", 5, "Node_07")).getMessage());
        assertEquals("the range Node_03-Node_01 runs backwards",
                assertThrows(IllegalArgumentException.class, () -> Hosting.of("a", 5, "Node_03-Node_01")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hosting.of("a", 5, "nodes 1 to 3"))
                .getMessage().contains("is not a node id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hosting.of("a b", 5, ""))
                .getMessage().startsWith("the server id must be"));
    }
}
