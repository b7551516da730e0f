package org.p2pstorage.cli.durability.boundary;

import java.time.Instant;

import org.p2pstorage.cli.durability.control.DurabilityReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** Where repair stands: what is at risk, what is moving, how long it will take, and each node's part. */
@Command(name = "repair", description = {"Show the repair status: chunks at risk, bytes to move and moved, the ETA,",
        "and per node its state, since when it is down, when repair of its copies starts, copies lost and repair bytes in/out.",
        "Repair starts by itself: a node down longer than the grace, or a copy found missing or damaged."})
public class RepairCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getObject("/api/repair"), status -> DurabilityReports.repair(status, Instant.now()));
    }
}
