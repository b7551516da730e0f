package org.p2pstorage.network.entity;

import java.util.List;

import org.p2pstorage.storage.entity.NodeStatus;

/** The network's shape: its name, subnet and every node with the peers it links to. */
public record Topology(String network, String subnet, List<Peer> nodes) {

    /** Every node linked to every other one (the simulated LAN is fully meshed), in the order given. */
    public static Topology of(String network, String subnet, List<NodeStatus> nodes) {
        List<String> ids = nodes.stream().map(NodeStatus::id).toList();
        return new Topology(network, subnet, nodes.stream()
                .map(s -> new Peer(s.id(), s.address(), s.state().name(),
                        ids.stream().filter(other -> !other.equals(s.id())).toList()))
                .toList());
    }

    /** One node and its links. */
    public record Peer(String id, String address, String state, List<String> peers) {
    }
}
