package org.p2pstorage.cli.files.boundary;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.files.control.FileReports;
import org.p2pstorage.cli.files.control.Transfers;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A file's metadata and chunk map. */
@Command(name = "info", description = "Show a file and its chunk map.")
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
