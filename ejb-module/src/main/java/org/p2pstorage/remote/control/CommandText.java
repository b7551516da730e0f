package org.p2pstorage.remote.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.p2pstorage.catalog.entity.ChunkView;
import org.p2pstorage.catalog.entity.FileDetails;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.network.entity.StorageStatus;
import org.p2pstorage.network.entity.Topology;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.LinkSettings;
import org.p2pstorage.transfer.entity.NetworkStatistics;

/**
 * The remote commands' answers as text: the same tables as the CLI's, made from the records the boundaries
 * answer with. Split from the command set ({@code RemoteCommands} and {@code NetworkCommands} in the
 * boundary), which parses a line, applies the rules and asks the boundaries; this only formats.
 */
public final class CommandText {

    private static final String RULE = "─".repeat(72) + "\n";

    private CommandText() {
    }

    /** The nodes table under the network's name and subnet. */
    public static String nodes(String network, String subnet, List<NodeView> nodes) {
        StringBuilder out = new StringBuilder("Network: " + network + " (" + subnet + ")\n").append(RULE);
        out.append(String.format("%-15s %-15s %-10s %-22s %s%n", "Node ID", "IP Address", "Status", "Storage", "Files"));
        out.append(RULE);
        for (NodeView node : nodes) {
            out.append(String.format("%-15s %-15s %-10s %-22s %d%n", node.id(), node.address(), node.health(),
                    DataSize.format(node.usedBytes()) + " / " + DataSize.format(node.capacityBytes()), node.segments()));
        }
        return out.toString();
    }

    public static String health(Map<String, Health> health) {
        StringBuilder out = new StringBuilder("Health Check Results:\n").append(RULE);
        health.forEach((node, h) -> out.append(String.format("%-20s %s %s%n", node, h == Health.ALIVE ? "✓" : "✗", h)));
        long alive = health.values().stream().filter(h -> h == Health.ALIVE).count();
        return out.append(RULE).append("Total: ").append(alive).append('/').append(health.size()).append(" nodes alive\n").toString();
    }

    public static String storage(StorageStatus status) {
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

    public static String topology(Topology topology) {
        StringBuilder out = new StringBuilder("Network: " + topology.network() + " (" + topology.subnet() + ")\n")
                .append("Gateway 192.168.1.1\n");
        for (Topology.Peer peer : topology.nodes()) {
            out.append(String.format("  %-10s %-15s %-8s peers: %s%n", peer.id(), peer.address(), peer.state(),
                    String.join(", ", peer.peers())));
        }
        return out.toString();
    }

    public static String files(List<FileSummary> files) {
        StringBuilder out = new StringBuilder("Files (" + files.size() + ")\n").append(RULE);
        out.append(String.format("%-16s %-24s %-10s %-6s %-12s %s%n", "File ID", "Name", "Size", "Chunks", "Status", "Uploaded"));
        out.append(RULE);
        for (FileSummary file : files) {
            out.append(String.format("%-16s %-24s %-10s %-6d %-12s %s%n", file.fileId(), file.name(),
                    DataSize.format(file.size()), file.chunks(), file.status(), file.createdAt()));
        }
        return out.append(RULE).toString();
    }

    /** One file with its chunk map. */
    public static String info(FileDetails file) {
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

    /** The CLI's statistics table: one row per interface and the total. */
    public static String stats(NetworkStatistics statistics) {
        StringBuilder out = new StringBuilder("Network Statistics (seed " + statistics.seed() + "):\n");
        out.append(String.format(Locale.ROOT, "%-10s %-13s %10s %10s %10s %10s %8s %7s %12s%n", "Interface", "Address",
                "Pkts sent", "Pkts recv", "Bytes sent", "Bytes recv", "Retrans", "Loss", "Avg speed"));
        statistics.interfaces().forEach(i -> out.append(row(i)));
        return out.append(row(statistics.total())).toString();
    }

    private static String row(InterfaceStatistics each) {
        return String.format(Locale.ROOT, "%-10s %-13s %10d %10d %10s %10s %8d %6.2f%% %10s/s%n", each.id(),
                each.address() == null ? "" : each.address(), sum(each.packetsSent()), sum(each.packetsReceived()),
                DataSize.format(each.bytesSent()), DataSize.format(each.bytesReceived()), each.retransmissions(),
                each.measuredLossRate() * 100, DataSize.format(Math.round(each.averageThroughputBytesPerSecond())));
    }

    private static long sum(Map<?, Long> byType) {
        return byType == null ? 0 : byType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A node's link settings in one line. */
    public static String link(String nodeId, LinkSettings link) {
        String bandwidth = link.throttled() ? DataSize.format(link.bandwidthBytesPerSecond()) + "/s" : "unthrottled";
        return String.format(Locale.ROOT, "%s link: bandwidth %s, delay %d-%d ms, loss %.2f%%%n", nodeId, bandwidth,
                link.delayMinMs(), link.delayMaxMs(), link.lossRate() * 100);
    }

    /** The chunk files a node holds (sorted as given), with their sizes and total. */
    public static String held(String nodeId, List<HeldChunk> held) {
        StringBuilder out = new StringBuilder(nodeId + ": " + held.size() + " chunk files, "
                + DataSize.format(held.stream().mapToLong(HeldChunk::size).sum()) + "\n");
        held.forEach(c -> out.append(String.format(Locale.ROOT, "%10d  %s%n", c.size(), c.key().fileName())));
        return out.toString();
    }
}
