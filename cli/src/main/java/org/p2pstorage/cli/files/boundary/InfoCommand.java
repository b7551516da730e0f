package org.p2pstorage.cli.files.boundary;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.files.control.FileReports;
import org.p2pstorage.cli.files.control.Transfers;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A file's metadata, health and chunk map (every copy of every chunk). */
@Command(name = "info", description = {"Show a file: its status, health and replicas, and its chunk map:",
                "every copy of every chunk with its node and state (PENDING, STORED, OFFLINE: on a stopped node, REJECTED)."})
public class InfoCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<fileId|name>")
    String file;

    @Override
    protected void run() throws Exception {
        ApiClient api = api();
        String fileId = new Transfers(api).resolve(file).getString("fileId");
        show(api.getObject("/api/files/" + ApiClient.encode(fileId)), FileReports::info);
    }
}
