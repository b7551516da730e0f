package org.p2pstorage.remote.boundary;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.remote.control.CommandSet;
import org.p2pstorage.remote.control.CommandText;
import org.p2pstorage.remote.control.RemoteCommand;
import org.p2pstorage.remote.control.RemoteShell;
import org.p2pstorage.remote.entity.CommandResult;

/**
 * The seed's execute_on_node as a fixed command set: {@code ssh -p 2222 alice@host nodes} runs the same
 * commands as the CLI, on the same boundaries as REST, with the same rules (admins only for
 * {@code node stop|start}, {@code node <id> ls} and changing a link; those are {@link NetworkCommands}). A command line is split into words and matched against this list only:
 * there is no operating-system shell behind it.
 * <p>
 * The SSH server's boundary, as the REST resources and gRPC endpoints are theirs: it parses a line, applies the
 * rules and asks the other features' boundaries; the answers are made text by {@link CommandText}, and the
 * terminal ({@link RemoteCommand}, {@link RemoteShell}) reaches it as a {@link CommandSet}. Public for
 * {@code RemoteShellTest}, which runs the real command set.
 */
public class RemoteCommands implements CommandSet {

    private static final Logger LOG = Logger.getLogger(RemoteCommands.class.getName());
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
    @Override
    public CommandResult run(String username, boolean admin, String line) {
        List<String> words = Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return CommandResult.done("");
        }
        try {
            return switch (words.get(0)) {
                case "nodes" -> CommandResult.done(CommandText.nodes(NetworkState.NAME, NetworkState.SUBNET,
                        boundaries.network().views()));
                case "health" -> CommandResult.done(CommandText.health(boundaries.health().run()));
                case "storage" -> CommandResult.done(CommandText.storage(boundaries.network().storage()));
                case "topology" -> CommandResult.done(CommandText.topology(boundaries.network().topology()));
                case "stats" -> CommandResult.done(network.stats());
                case "link" -> words.size() >= 2 ? network.link(username, admin, words)
                        : CommandResult.usage(NetworkCommands.LINK_USAGE);
                case "ls" -> CommandResult.done(CommandText.files(boundaries.files().list(username)));
                case "info" -> words.size() == 2 ? CommandResult.done(CommandText.info(boundaries.files().details(username, words.get(1))))
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
            LogRecord record = new LogRecord(Level.SEVERE, "remote command {0} failed");
            record.setParameters(new Object[]{words.get(0)});
            record.setThrown(e); // java.util.logging takes parameters and a throwable together only in a record
            record.setLoggerName(LOG.getName());
            LOG.log(record);
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
}
