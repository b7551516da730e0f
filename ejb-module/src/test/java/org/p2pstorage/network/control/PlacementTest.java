package org.p2pstorage.network.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final List<String> NODES = List.of("Node_01", "Node_02", "Node_03", "Node_04", "Node_05");

    /** Places {@code chunks} chunks of 10 bytes in {@code copies} copies on nodes of the given free room. */
    private static List<List<String>> fill(Placement placement, Map<String, Long> free, int chunks, int copies) {
        List<List<String>> map = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            map.add(placement.place(copies, candidates(free), Set.of(), node -> {
                if (free.get(node) < 10) {
                    return false;
                }
                free.merge(node, -10L, Long::sum);
                return true;
            }));
        }
        return map;
    }

    private static List<Placement.Candidate> candidates(Map<String, Long> free) {
        return free.entrySet().stream().map(e -> new Placement.Candidate(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, Long> room(long each) {
        Map<String, Long> free = new HashMap<>();
        NODES.forEach(n -> free.put(n, each));
        return free;
    }

    @Test
    void copiesOfAChunkAreOnDistinctNodesAndTheNetworkFillsEvenly() {
        Map<String, Long> free = room(1000);
        List<List<String>> map = fill(new Placement(NODES, 7), free, 50, 2);
        for (List<String> copies : map) {
            assertEquals(2, copies.size());
            assertEquals(2, new HashSet<>(copies).size(), "distinct nodes: " + copies);
        }
        free.values().forEach(left -> assertEquals(800, left, "every node took 20 of the 100 copies: " + free));
    }

    @Test
    void theNodeWithMostRoomIsChosenFirst() {
        Map<String, Long> free = room(100);
        free.put("Node_04", 500L);
        List<String> first = fill(new Placement(NODES, 1), free, 1, 2).get(0);
        assertEquals("Node_04", first.get(0));
    }

    @Test
    void theSameSeedGivesTheSameMapAndAnotherSeedAnother() {
        List<List<String>> a = fill(new Placement(NODES, 42), room(1000), 20, 2);
        List<List<String>> b = fill(new Placement(NODES, 42), room(1000), 20, 2);
        assertEquals(a, b);
        boolean differs = false;
        for (long seed = 1; seed < 10 && !differs; seed++) {
            differs = !fill(new Placement(NODES, seed), room(1000), 20, 2).equals(a);
        }
        assertTrue(differs, "some other seed orders the ties differently");
    }

    @Test
    void excludedAndFullNodesAreSkippedAndFewerCopiesAreGivenWhenNodesRunOut() {
        Map<String, Long> free = room(1000);
        free.put("Node_02", 5L);
        List<String> chosen = new Placement(NODES, 3).place(3, candidates(free),
                Set.of("Node_01", "Node_03", "Node_04"), node -> free.get(node) >= 10);
        assertEquals(List.of("Node_05"), chosen);
    }

    @Test
    void copiesGoToAsManyServersAsThereAreBeforeTwoShareOne() {
        Map<String, String> server = Map.of("Node_01", "a", "Node_02", "a", "Node_03", "a", "Node_04", "b", "Node_05", "b");
        Map<String, Long> free = room(1000);
        free.put("Node_01", 900L);
        free.put("Node_02", 800L);
        List<Placement.Candidate> candidates = free.entrySet().stream()
                .map(e -> new Placement.Candidate(e.getKey(), e.getValue(), server.get(e.getKey()))).toList();
        Placement placement = new Placement(NODES, 5);
        for (int i = 0; i < 50; i++) {
            List<String> two = placement.place(2, candidates, Set.of(), node -> true);
            assertEquals(Set.of("a", "b"), Set.of(server.get(two.get(0)), server.get(two.get(1))), "copies " + two);
        }
        List<String> three = placement.place(3, candidates, Set.of(), node -> true);
        assertEquals(3, three.size(), "a third copy shares a server when there are only two");
        List<String> repair = placement.place(1, candidates, Set.of("Node_04"), node -> true);
        assertEquals("a", server.get(repair.get(0)), "a repair copy goes to a server without a copy: " + repair);
        List<String> refusedOnB = placement.place(2, candidates, Set.of(), node -> server.get(node).equals("a"));
        assertEquals(2, refusedOnB.size(), "when server b's nodes refuse, both copies go to a: " + refusedOnB);
    }
}
