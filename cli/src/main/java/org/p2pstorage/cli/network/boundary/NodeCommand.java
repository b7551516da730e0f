package org.p2pstorage.cli.network.boundary;

import jakarta.json.JsonObject;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code node stop|start <id>} (admins). */
@Command(name = "node", description = "Stop or start a node (admin).",
        subcommands = {NodeCommand.Stop.class, NodeCommand.Start.class})
public class NodeCommand extends ClientCommand {

    @Override
    protected void run() {
        spec.commandLine().usage(out());
    }

    abstract static class Change extends ClientCommand {

        @Parameters(index = "0", paramLabel = "<id>", description = "e.g. Node_03")
        String id;

        protected void change(String action) throws Exception {
            JsonObject node = (JsonObject) api().post("/api/network/nodes/" + ApiClient.encode(id) + "/" + action);
            if (json()) {
                printJson(node);
            } else {
                out().println("Node " + node.getString("id", id) + " is " + node.getString("state", "?")
                        + " (" + node.getString("health", "?") + ")");
            }
        }
    }

    @Command(name = "stop", description = "Take a node down: it gets no new chunks and serves none.")
    static class Stop extends Change {

        @Override
        protected void run() throws Exception {
            change("stop");
        }
    }

    @Command(name = "start", description = "Bring a node back up.")
    static class Start extends Change {

        @Override
        protected void run() throws Exception {
            change("start");
        }
    }
}
