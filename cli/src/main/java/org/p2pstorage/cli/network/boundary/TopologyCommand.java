package org.p2pstorage.cli.network.boundary;

import jakarta.json.JsonObject;

import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** The network, its nodes and their peers. */
@Command(name = "topology", description = "Show the network and the nodes' peers.")
public class TopologyCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        JsonObject topology = api().getObject("/api/network/topology");
        if (json()) {
            printJson(topology);
        } else {
            out().print(NetworkReports.topology(topology));
        }
    }
}
