package org.p2pstorage.cli.files.boundary;

import jakarta.json.JsonArray;

import org.p2pstorage.cli.files.control.FileReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** The caller's files, newest first. */
@Command(name = "ls", aliases = "files", description = "List your files.")
public class LsCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        JsonArray files = api().getArray("/api/files/list");
        if (json()) {
            printJson(files);
        } else {
            out().print(FileReports.list(files));
        }
    }
}
