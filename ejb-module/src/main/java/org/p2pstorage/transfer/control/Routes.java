package org.p2pstorage.transfer.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which server each node sits behind, like a routing table: every message for a node (a chunk, a probe, a
 * command, a read) carries its host's id in the property {@value #SERVER}, and each server's consumers take
 * only the messages addressed to it ({@code server = '<its id>'}). A server alone hosts every node, and every
 * message is its own.
 */
@ApplicationScoped
public class Routes {

    /** The message property naming the server a message is for. */
    public static final String SERVER = "server";
    /** The message property naming the server a message came from (where its answer goes). */
    public static final String FROM = "fromServer";
    /**
     * The selector of every consumer of node traffic: the messages for this server (its id is the system
     * property {@code p2p.server.id}, replaced in the annotation at deployment), and those sent before
     * messages were addressed.
     */
    public static final String ADDRESSED_HERE = "(" + SERVER + " IS NULL OR " + SERVER + " = '${p2p.server.id:p2p-1}')";

    private final Map<String, String> hosts = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "p2p.server.id", defaultValue = "p2p-1")
    String me;

    /** This server's id ({@code P2P_SERVER_ID}). */
    public String me() {
        return me;
    }

    /** Notes that {@code serverId} hosts the node. */
    public void route(String nodeId, String serverId) {
        hosts.put(nodeId, serverId);
    }

    /** The server hosting the node, when known. */
    public Optional<String> hostOf(String nodeId) {
        return Optional.ofNullable(hosts.get(nodeId));
    }

    /** Whether the node is hosted here. */
    public boolean local(String nodeId) {
        return me.equals(hosts.get(nodeId));
    }

    /** The host of a node, for a message that must reach it: this server when no other is known. */
    public String destination(String nodeId) {
        return hosts.getOrDefault(nodeId, me);
    }
}
