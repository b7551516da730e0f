package org.p2pstorage.network.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private static final List<String> NODES = List.of("Node_01", "Node_02", "Node_03", "Node_04", "Node_05");

    @Test
    void chunksGoToEachNodeInTurn() {
        RoundRobin placement = new RoundRobin(NODES);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            placed.add(placement.place(node -> true).orElseThrow());
        }
        assertEquals(List.of("Node_01", "Node_02", "Node_03", "Node_04", "Node_05",
                "Node_01", "Node_02", "Node_03", "Node_04", "Node_05"), placed);
    }

    @Test
    void aStoppedNodeIsSkippedAndTheTurnGoesOn() {
        RoundRobin placement = new RoundRobin(NODES);
        Set<String> stopped = Set.of("Node_03");
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            placed.add(placement.place(node -> !stopped.contains(node)).orElseThrow());
        }
        assertEquals(List.of("Node_01", "Node_02", "Node_04", "Node_05", "Node_01", "Node_02", "Node_04", "Node_05"),
                placed);
    }

    @Test
    void fullNodesAreSkippedUntilNoneHasRoom() {
        Map<String, Integer> room = new HashMap<>(Map.of("Node_01", 1, "Node_02", 3, "Node_03", 0, "Node_04", 0,
                "Node_05", 0));
        RoundRobin placement = new RoundRobin(NODES);
        List<String> placed = new ArrayList<>();
        Optional<String> next;
        while ((next = placement.place(node -> {
            if (room.get(node) == 0) {
                return false;
            }
            room.merge(node, -1, Integer::sum);
            return true;
        })).isPresent()) {
            placed.add(next.get());
        }
        assertEquals(List.of("Node_01", "Node_02", "Node_02", "Node_02"), placed);
        assertTrue(placement.place(node -> false).isEmpty());
    }
}
