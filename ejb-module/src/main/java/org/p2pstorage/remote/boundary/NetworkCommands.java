package org.p2pstorage.remote.boundary;

import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.p2pstorage.remote.control.CommandText;
import org.p2pstorage.remote.entity.CommandResult;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.transfer.entity.LinkSettings;

/**
 * The remote commands about the simulated network's links and a node's disk: {@code stats} (the CLI's
 * statistics table), {@code link <id>} and, for admins, {@code link <id> set …} (the REST link endpoint's
 * rules) and {@code node <id> ls} (the chunk files a node holds, with their sizes). Part of the SSH server's
 * boundary with {@link RemoteCommands}: it reads the words and asks the links, the network and the admin
 * operations; {@link CommandText} makes the answers text.
 */
class NetworkCommands {

    private static final Logger LOG = Logger.getLogger(NetworkCommands.class.getName());
    static final String LINK_USAGE = "Usage: link <id> [set bandwidth=<bytes/s, 0 = unthrottled> delay=<min>-<max ms> loss=<0..1>]";

    private final RemoteBoundaries boundaries;

    NetworkCommands(RemoteBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    String stats() {
        return CommandText.stats(boundaries.links().statistics());
    }

    CommandResult link(String username, boolean admin, List<String> words) {
        if (words.size() == 2) {
            boundaries.network().view(words.get(1));
            return CommandResult.done(CommandText.link(words.get(1), boundaries.links().settings(words.get(1))));
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
        return CommandResult.done(CommandText.link(words.get(1), now));
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

    CommandResult nodeFiles(boolean admin, String nodeId) {
        if (!admin) {
            return CommandResult.failed("only an admin may list a node's chunk files");
        }
        List<HeldChunk> held = boundaries.admin().held(nodeId).stream()
                .sorted(Comparator.comparing((HeldChunk c) -> c.key().fileName())).toList();
        return CommandResult.done(CommandText.held(nodeId, held));
    }
}
