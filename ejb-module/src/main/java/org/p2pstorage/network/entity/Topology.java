package org.p2pstorage.network.entity;

import java.util.List;

/** The network's shape: its name, subnet and every node with the peers it links to. */
public record Topology(String network, String subnet, List<Peer> nodes) {

    /** One node and its links. */
    public record Peer(String id, String address, String state, List<String> peers) {
    }
}
