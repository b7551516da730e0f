package org.p2pstorage.network.control;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Round-robin placement: each chunk goes to the node after the one that took the previous chunk,
 * skipping nodes that refuse it (stopped or full). Thread-safe; concurrent uploads interleave.
 */
public class RoundRobin {

    private final List<String> nodes;
    private int next;

    public RoundRobin(List<String> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("round-robin over no nodes");
        }
        this.nodes = List.copyOf(nodes);
    }

    /**
     * The first node, from the current position on, that {@code accepts} the chunk (the predicate
     * reserves room as it answers yes); empty when every node refuses.
     */
    public synchronized Optional<String> place(Predicate<String> accepts) {
        for (int i = 0; i < nodes.size(); i++) {
            int n = (next + i) % nodes.size();
            String node = nodes.get(n);
            if (accepts.test(node)) {
                next = (n + 1) % nodes.size();
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }
}
