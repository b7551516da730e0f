package org.p2pstorage.cli.files.boundary;

import jakarta.json.JsonObject;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Deletes a file: its chunks leave the nodes. */
@Command(name = "delete", description = "Delete a file (its chunks leave the nodes).")
public class DeleteCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<fileId>")
    String fileId;

    @Override
    protected void run() throws Exception {
        show((JsonObject) api().delete("/api/files/" + ApiClient.encode(fileId)),
                deleted -> "Deleted " + deleted.getString("name", "") + " (" + deleted.getString("fileId", fileId) + ")\n");
    }
}
