package org.p2pstorage.network.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses the nodes for the copies of a chunk: distinct nodes, those with the most free room first, so
 * that the network fills evenly whatever the nodes' sizes; and, when the nodes run on several servers,
 * on as many servers as it can (each server is a failure domain: a chunk whose copies all sit behind one
 * server would be lost with it), the servers holding the chunk's other copies last. Nodes with the same free room are taken in
 * an order drawn once from the network's seed, so the same seed and the same sequence of placements
 * give the same chunk map. Thread-safe: one placement at a time, since each one changes the free room
 * that the next one sees.
 */
public class Placement {

    /** A node that may take a copy, with the room it has left and the server ({@code domain}) it runs on. */
    public record Candidate(String nodeId, long freeBytes, String domain) {

        public Candidate(String nodeId, long freeBytes) {
            this(nodeId, freeBytes, "");
        }
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
     * Up to {@code copies} distinct nodes among the candidates, none of them in {@code exclude} (the nodes
     * holding the chunk's other copies), most free room first, one per server while servers without a copy
     * are left; {@code reserve} promises the room as it answers yes (a node may still refuse). Fewer (or
     * none) when not enough nodes take it.
     */
    public synchronized List<String> place(int copies, Collection<Candidate> candidates, Set<String> exclude,
                                           Predicate<String> reserve) {
        Map<String, String> domains = new HashMap<>();
        candidates.forEach(c -> domains.put(c.nodeId(), c.domain()));
        Set<String> usedDomains = new HashSet<>();
        exclude.forEach(node -> usedDomains.add(domains.getOrDefault(node, "")));
        List<Candidate> ranked = candidates.stream()
                .filter(c -> !exclude.contains(c.nodeId()))
                .sorted(Comparator.comparingLong(Candidate::freeBytes).reversed()
                        .thenComparing(c -> tieBreak.getOrDefault(c.nodeId(), Integer.MAX_VALUE)))
                .toList();
        List<String> chosen = new ArrayList<>(copies);
        List<Candidate> refused = new ArrayList<>();
        for (Candidate candidate : ranked) { // first: one copy per server not holding one yet
            if (chosen.size() == copies) {
                return chosen;
            }
            if (usedDomains.contains(candidate.domain())) {
                continue;
            }
            if (reserve.test(candidate.nodeId())) {
                chosen.add(candidate.nodeId());
                usedDomains.add(candidate.domain());
            } else {
                refused.add(candidate);
            }
        }
        for (Candidate candidate : ranked) { // then: the other nodes, most room first
            if (chosen.size() == copies) {
                break;
            }
            if (!chosen.contains(candidate.nodeId()) && !refused.contains(candidate) && reserve.test(candidate.nodeId())) {
                chosen.add(candidate.nodeId());
            }
        }
        return chosen;
    }
}
