package org.p2pstorage.cli.network.boundary;

import jakarta.json.JsonObject;

import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** A broadcast health check. */
@Command(name = "health", description = "Check which nodes answer.")
public class HealthCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        JsonObject health = api().getObject("/api/network/health");
        if (json()) {
            printJson(health);
        } else {
            out().print(NetworkReports.health(health));
        }
    }
}
