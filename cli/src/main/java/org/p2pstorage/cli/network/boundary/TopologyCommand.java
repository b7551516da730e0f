package org.p2pstorage.cli.network.boundary;

import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** The network, its nodes and their peers. */
@Command(name = "topology", description = "Show the network and the nodes' peers.")
public class TopologyCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getObject("/api/network/topology"), NetworkReports::topology);
    }
}
