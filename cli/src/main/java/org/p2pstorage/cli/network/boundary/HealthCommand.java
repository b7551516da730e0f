package org.p2pstorage.cli.network.boundary;

import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** A broadcast health check. */
@Command(name = "health", description = "Check which nodes answer.")
public class HealthCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getObject("/api/network/health"), NetworkReports::health);
    }
}
