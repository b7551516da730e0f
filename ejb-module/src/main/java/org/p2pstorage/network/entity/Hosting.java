package org.p2pstorage.network.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server this is, and which of the network's nodes it hosts. One server alone hosts them all; in a
 * deployment of several servers sharing one broker and one database, each hosts some of them
 * ({@code P2P_HOSTED_NODES=Node_01-Node_03}) and every message for a node is routed to its host.
 */
public record Hosting(String serverId, List<String> allNodes, Set<String> hosted) {

    private static final Pattern NODE = Pattern.compile("Node_(\\d{1,3})");
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Hosting {
        allNodes = List.copyOf(allNodes);
        hosted = Collections.unmodifiableSet(new LinkedHashSet<>(hosted));
    }

    /** The id of the {@code n}th node (1-based): Node_01 … Node_253. */
    public static String nodeId(int n) {
        return String.format("Node_%02d", n);
    }

    /**
     * Reads the settings: {@code nodeCount} nodes in the network, of which this server hosts those named by
     * {@code hostedSpec} (blank: all of them) as a list of ids and ranges, {@code Node_01-Node_03,Node_05}.
     */
    public static Hosting of(String serverId, int nodeCount, String hostedSpec) {
        if (serverId == null || !SERVER_ID.matcher(serverId).matches()) {
            throw new IllegalArgumentException("the server id must be 1-64 letters, digits, '.', '_' or '-', not '"
                    + serverId + "'");
        }
        List<String> all = new ArrayList<>();
        for (int n = 1; n <= nodeCount; n++) {
            all.add(nodeId(n));
        }
        if (hostedSpec == null || hostedSpec.isBlank()) {
            return new Hosting(serverId, all, Set.copyOf(all));
        }
        Set<String> hosted = new LinkedHashSet<>();
        for (String part : hostedSpec.split(",")) {
            String[] ends = part.trim().split("-", -1);
            if (ends.length > 2 || ends[0].isBlank()) {
                throw new IllegalArgumentException("cannot read '" + part.trim() + "' in the hosted nodes; write Node_01-Node_03,Node_05");
            }
            int from = number(ends[0], nodeCount);
            int to = ends.length == 2 ? number(ends[1], nodeCount) : from;
            if (to < from) {
                throw new IllegalArgumentException("the range " + part.trim() + " runs backwards");
            }
            for (int n = from; n <= to; n++) {
                hosted.add(nodeId(n));
            }
        }
        return new Hosting(serverId, all, hosted);
    }

    private static int number(String id, int nodeCount) {
        Matcher m = NODE.matcher(id.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + id.trim() + "' is not a node id (Node_01 … Node_" + nodeCount + ")");
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n > nodeCount) {
            throw new IllegalArgumentException(id.trim() + " is not in the network of " + nodeCount + " nodes");
        }
        return n;
    }

    public boolean hosts(String nodeId) {
        return hosted.contains(nodeId);
    }

    /** Whether every node is here (one server alone). */
    public boolean alone() {
        return hosted.size() == allNodes.size();
    }
}
