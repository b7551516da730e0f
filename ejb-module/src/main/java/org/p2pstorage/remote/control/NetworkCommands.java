package org.p2pstorage.remote.control;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.remote.boundary.RemoteBoundaries;
import org.p2pstorage.remote.entity.CommandResult;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.LinkSettings;
import org.p2pstorage.transfer.entity.NetworkStatistics;

/**
 * The remote commands about the simulated network's links and a node's disk: {@code stats} (the CLI's
 * statistics table), {@code link <id>} and, for admins, {@code link <id> set …} (the REST link endpoint's
 * rules) and {@code node <id> ls} (the chunk files a node holds, with their sizes).
 */
class NetworkCommands {

    private static final Logger LOG = Logger.getLogger(NetworkCommands.class.getName());
    static final String LINK_USAGE = "Usage: link <id> [set bandwidth=<bytes/s, 0 = unthrottled> delay=<min>-<max ms> loss=<0..1>]";

    private final RemoteBoundaries boundaries;

    NetworkCommands(RemoteBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    String stats() {
        NetworkStatistics statistics = boundaries.links().statistics();
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

    CommandResult link(String username, boolean admin, List<String> words) {
        if (words.size() == 2) {
            boundaries.network().view(words.get(1));
            return CommandResult.done(describe(words.get(1), boundaries.links().settings(words.get(1))));
        }
        if (words.size() < 4 || !words.get(2).equals("set")) {
            return CommandResult.usage(LINK_USAGE);
        }
        if (!admin) {
            return CommandResult.failed("only an admin may change a link");
        }
        boundaries.network().view(words.get(1));
        LinkSettings settings;
        try {
            settings = changed(boundaries.links().settings(words.get(1)), words.subList(3, words.size()));
        } catch (IllegalArgumentException e) {
            return CommandResult.usage(e.getMessage() + "\n" + LINK_USAGE);
        }
        LinkSettings now = boundaries.admin().changeLink(words.get(1), settings);
        LOG.log(Level.INFO, "link of {0} changed over SSH by {1}", new Object[]{words.get(1), username});
        return CommandResult.done(describe(words.get(1), now));
    }

    /** The settings with what the words name changed ({@code bandwidth=}, {@code delay=min-max}, {@code loss=}). */
    static LinkSettings changed(LinkSettings old, List<String> words) {
        long bandwidth = old.bandwidthBytesPerSecond();
        int delayMin = old.delayMinMs();
        int delayMax = old.delayMaxMs();
        double loss = old.lossRate();
        for (String word : words) {
            String[] pair = word.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected name=value, got " + word);
            }
            try {
                switch (pair[0]) {
                    case "bandwidth" -> bandwidth = Long.parseLong(pair[1]);
                    case "delay" -> {
                        String[] range = pair[1].split("-", 2);
                        delayMin = Integer.parseInt(range[0]);
                        delayMax = Integer.parseInt(range.length == 2 ? range[1] : range[0]);
                    }
                    case "loss" -> loss = Double.parseDouble(pair[1]);
                    default -> throw new IllegalArgumentException("unknown setting " + pair[0]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(pair[0] + " must be a number, got " + pair[1]);
            }
        }
        return new LinkSettings(bandwidth, delayMin, delayMax, loss);
    }

    private static String describe(String nodeId, LinkSettings link) {
        String bandwidth = link.throttled() ? DataSize.format(link.bandwidthBytesPerSecond()) + "/s" : "unthrottled";
        return String.format(Locale.ROOT, "%s link: bandwidth %s, delay %d-%d ms, loss %.2f%%%n", nodeId, bandwidth,
                link.delayMinMs(), link.delayMaxMs(), link.lossRate() * 100);
    }

    CommandResult nodeFiles(boolean admin, String nodeId) {
        if (!admin) {
            return CommandResult.failed("only an admin may list a node's chunk files");
        }
        List<HeldChunk> held = boundaries.admin().held(nodeId).stream()
                .sorted(Comparator.comparing((HeldChunk c) -> c.key().fileName())).toList();
        StringBuilder out = new StringBuilder(nodeId + ": " + held.size() + " chunk files, "
                + DataSize.format(held.stream().mapToLong(HeldChunk::size).sum()) + "\n");
        held.forEach(c -> out.append(String.format(Locale.ROOT, "%10d  %s%n", c.size(), c.key().fileName())));
        return CommandResult.done(out.toString());
    }
}
