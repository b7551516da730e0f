package org.p2pstorage.remote.control;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.p2pstorage.catalog.entity.ChunkView;
import org.p2pstorage.catalog.entity.FileDetails;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.network.entity.StorageStatus;
import org.p2pstorage.network.entity.Topology;
import org.p2pstorage.remote.boundary.AdminActions;
import org.p2pstorage.remote.boundary.RemoteBoundaries;
import org.p2pstorage.remote.entity.CommandResult;

/**
 * The seed's execute_on_node as a fixed command set: {@code ssh -p 2222 alice@host nodes} runs the same
 * commands as the CLI, on the same boundaries as REST, with the same rules (admins only for
 * {@code node stop|start}, {@code node <id> ls} and changing a link; those are {@link NetworkCommands}). A command line is split into words and matched against this list only:
 * there is no operating-system shell behind it.
 */
public class RemoteCommands {

    private static final Logger LOG = Logger.getLogger(RemoteCommands.class.getName());
    private static final String RULE = "─".repeat(72) + "\n";
    static final String HELP = """
            Commands:
              nodes                 the nodes table
              health                a broadcast health check
              storage               capacity and use per node
              topology              the network and each node's peers
              stats                 packets, bytes, retransmissions and loss per interface
              link <id>             a node's link: bandwidth, delay, loss
              link <id> set bandwidth=<bytes/s> delay=<min>-<max> loss=<rate>
                                    changes a node's link (admins; 0 = unthrottled)
              ls                    your files
              info <fileId>         one of your files with its chunk map
              node stop|start <id>  takes a node down or up (admins)
              node <id> ls          the chunk files a node holds, with sizes (admins)
              help                  this list
            """;

    private final RemoteBoundaries boundaries;
    private final NetworkCommands network;

    public RemoteCommands(RemoteBoundaries boundaries) {
        this.boundaries = boundaries;
        this.network = new NetworkCommands(boundaries);
    }

    /** Runs one command line as the user; refusals are exit status 1 with a message, never a stack trace. */
    public CommandResult run(String username, boolean admin, String line) {
        List<String> words = Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return CommandResult.done("");
        }
        try {
            return switch (words.get(0)) {
                case "nodes" -> CommandResult.done(nodes());
                case "health" -> CommandResult.done(health());
                case "storage" -> CommandResult.done(storage());
                case "topology" -> CommandResult.done(topology());
                case "stats" -> CommandResult.done(network.stats());
                case "link" -> words.size() >= 2 ? network.link(username, admin, words)
                        : CommandResult.usage(NetworkCommands.LINK_USAGE);
                case "ls" -> CommandResult.done(files(username));
                case "info" -> words.size() == 2 ? CommandResult.done(info(username, words.get(1)))
                        : CommandResult.usage("Usage: info <fileId>");
                case "node" -> node(username, admin, words);
                case "help" -> CommandResult.done(HELP);
                default -> CommandResult.usage("Unknown command: " + words.get(0) + "\n" + HELP);
            };
        } catch (Failure e) {
            return CommandResult.failed(e.getMessage());
        } catch (RuntimeException e) {
            Failure failure = cause(e);
            if (failure != null) {
                return CommandResult.failed(failure.getMessage());
            }
            LOG.log(Level.SEVERE, "remote command " + words.get(0) + " failed", e);
            return CommandResult.failed("the server could not run " + words.get(0) + "; see its log");
        }
    }

    private static Failure cause(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof Failure f) {
                return f;
            }
        }
        return null;
    }

    private CommandResult node(String username, boolean admin, List<String> words) {
        if (words.size() == 3 && words.get(2).equals("ls")) {
            return network.nodeFiles(admin, words.get(1));
        }
        if (words.size() != 3 || !List.of("stop", "start").contains(words.get(1))) {
            return CommandResult.usage("Usage: node stop|start <id>, node <id> ls");
        }
        if (!admin) {
            return CommandResult.failed("only an admin may " + words.get(1) + " a node");
        }
        AdminActions admins = boundaries.admin();
        NodeView node = words.get(1).equals("stop") ? admins.stop(words.get(2)) : admins.start(words.get(2));
        LOG.log(Level.INFO, "node {0} {1} over SSH by {2}", new Object[]{node.id(), words.get(1), username});
        return CommandResult.done(node.id() + " is " + node.state() + "\n");
    }

    private String nodes() {
        StringBuilder out = new StringBuilder("Network: " + NetworkState.NAME + " (" + NetworkState.SUBNET + ")\n").append(RULE);
        out.append(String.format("%-15s %-15s %-10s %-22s %s%n", "Node ID", "IP Address", "Status", "Storage", "Files"));
        out.append(RULE);
        for (NodeView node : boundaries.network().views()) {
            out.append(String.format("%-15s %-15s %-10s %-22s %d%n", node.id(), node.address(), node.health(),
                    DataSize.format(node.usedBytes()) + " / " + DataSize.format(node.capacityBytes()), node.segments()));
        }
        return out.toString();
    }

    private String health() {
        Map<String, Health> health = boundaries.health().run();
        StringBuilder out = new StringBuilder("Health Check Results:\n").append(RULE);
        health.forEach((node, h) -> out.append(String.format("%-20s %s %s%n", node, h == Health.ALIVE ? "✓" : "✗", h)));
        long alive = health.values().stream().filter(h -> h == Health.ALIVE).count();
        return out.append(RULE).append("Total: ").append(alive).append('/').append(health.size()).append(" nodes alive\n").toString();
    }

    private String storage() {
        StorageStatus status = boundaries.network().storage();
        StringBuilder out = new StringBuilder("Storage\n").append(RULE);
        out.append(String.format("%-10s %12s %12s %12s %7s %9s%n", "Node", "Capacity", "Used", "Available", "Used%", "Segments"));
        out.append(RULE);
        for (StorageStatus.NodeStorage node : status.nodes()) {
            out.append(storageLine(node));
        }
        return out.append(RULE).append(storageLine(status.total())).toString();
    }

    private static String storageLine(StorageStatus.NodeStorage node) {
        return String.format("%-10s %12s %12s %12s %6.1f%% %9d%n", node.id(), DataSize.format(node.capacityBytes()),
                DataSize.format(node.usedBytes()), DataSize.format(node.availableBytes()), node.utilizationPercent(), node.segments());
    }

    private String topology() {
        Topology topology = boundaries.network().topology();
        StringBuilder out = new StringBuilder("Network: " + topology.network() + " (" + topology.subnet() + ")\n")
                .append("Gateway 192.168.1.1\n");
        for (Topology.Peer peer : topology.nodes()) {
            out.append(String.format("  %-10s %-15s %-8s peers: %s%n", peer.id(), peer.address(), peer.state(),
                    String.join(", ", peer.peers())));
        }
        return out.toString();
    }

    private String files(String username) {
        List<FileSummary> files = boundaries.files().list(username);
        StringBuilder out = new StringBuilder("Files (" + files.size() + ")\n").append(RULE);
        out.append(String.format("%-16s %-24s %-10s %-6s %-12s %s%n", "File ID", "Name", "Size", "Chunks", "Status", "Uploaded"));
        out.append(RULE);
        for (FileSummary file : files) {
            out.append(String.format("%-16s %-24s %-10s %-6d %-12s %s%n", file.fileId(), file.name(),
                    DataSize.format(file.size()), file.chunks(), file.status(), file.createdAt()));
        }
        return out.append(RULE).toString();
    }

    private String info(String username, String fileId) {
        FileDetails file = boundaries.files().details(username, fileId);
        StringBuilder out = new StringBuilder()
                .append("File:     ").append(file.name()).append('\n')
                .append("ID:       ").append(file.fileId()).append('\n')
                .append("Size:     ").append(DataSize.format(file.size())).append(" (").append(file.size()).append(" bytes)\n")
                .append("SHA-256:  ").append(file.sha256()).append('\n')
                .append("Status:   ").append(file.status()).append(file.health() == null ? "" : " (" + file.health() + ")").append('\n')
                .append("Chunks:   ").append(file.chunks()).append(" of ").append(DataSize.format(file.chunkSize()))
                .append(", ").append(file.replicas()).append(" copies each\n")
                .append("Chunk map:\n");
        for (ChunkView chunk : file.chunkMap()) {
            out.append(String.format("  %5d  %s%n", chunk.index(),
                    String.join(" ", chunk.copies().stream().map(c -> c.node() + (c.state().equals("STORED") ? "" : "(" + c.state() + ")")).toList())));
        }
        return out.toString();
    }
}
