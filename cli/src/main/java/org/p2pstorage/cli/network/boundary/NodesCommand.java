package org.p2pstorage.cli.network.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** The seed's nodes table. */
@Command(name = "nodes", description = "List the storage nodes.")
public class NodesCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        ApiClient api = api();
        JsonArray nodes = api.getArray("/api/network/nodes");
        if (json()) {
            printJson(nodes);
            return;
        }
        JsonObject topology = api.getObject("/api/network/topology");
        out().print(NetworkReports.nodes(topology, nodes));
    }
}
