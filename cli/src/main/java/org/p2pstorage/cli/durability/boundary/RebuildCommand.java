package org.p2pstorage.cli.durability.boundary;

import org.p2pstorage.cli.durability.control.DurabilityReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** Admins reconcile the catalog with what the nodes hold, and read what it did. */
@Command(name = "rebuild", description = {"Reconcile the catalog with the nodes' manifests (admins): files the catalog lacks",
        "are recovered, copies on disk adopted, chunk files no file claims removed, copies on no node dropped."})
public class RebuildCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().post("/api/catalog/rebuild").asJsonObject(), DurabilityReports::rebuild);
    }
}
