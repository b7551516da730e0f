package org.p2pstorage.cli.network.boundary;

import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** Capacity and use per node and in total. */
@Command(name = "storage", description = "Show capacity and use per node.")
public class StorageCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getObject("/api/storage/status"), NetworkReports::storage);
    }
}
