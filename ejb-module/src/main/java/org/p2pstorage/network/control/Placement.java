package org.p2pstorage.network.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses the nodes for the copies of a chunk: distinct nodes, those with the most free room first, so
 * that the network fills evenly whatever the nodes' sizes. Nodes with the same free room are taken in
 * an order drawn once from the network's seed, so the same seed and the same sequence of placements
 * give the same chunk map. Thread-safe: one placement at a time, since each one changes the free room
 * that the next one sees.
 */
public class Placement {

    /** A node that may take a copy, with the room it has left. */
    public record Candidate(String nodeId, long freeBytes) {
    }

    private final Map<String, Integer> tieBreak = new HashMap<>();

    public Placement(List<String> nodes, long seed) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("placement over no nodes");
        }
        List<String> order = new ArrayList<>(nodes);
        java.util.Collections.shuffle(order, new Random(seed));
        for (int i = 0; i < order.size(); i++) {
            tieBreak.put(order.get(i), i);
        }
    }

    /**
     * Up to {@code copies} distinct nodes among the candidates, none of them in {@code exclude}, most free
     * room first; {@code reserve} promises the room as it answers yes (a node may still refuse). Fewer
     * (or none) when not enough nodes take it.
     */
    public synchronized List<String> place(int copies, Collection<Candidate> candidates, Set<String> exclude,
                                           Predicate<String> reserve) {
        List<Candidate> ranked = candidates.stream()
                .filter(c -> !exclude.contains(c.nodeId()))
                .sorted(Comparator.comparingLong(Candidate::freeBytes).reversed()
                        .thenComparing(c -> tieBreak.getOrDefault(c.nodeId(), Integer.MAX_VALUE)))
                .toList();
        List<String> chosen = new ArrayList<>(copies);
        for (Candidate candidate : ranked) {
            if (chosen.size() == copies) {
                break;
            }
            if (reserve.test(candidate.nodeId())) {
                chosen.add(candidate.nodeId());
            }
        }
        return chosen;
    }
}
