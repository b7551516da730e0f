package org.p2pstorage.cli.network.boundary;

import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** Packets, bytes, retransmissions, loss and throughput per interface. */
@Command(name = "stats", description = "Show the network statistics.")
public class StatsCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getObject("/api/network/statistics"), NetworkReports::statistics);
    }
}
