package org.p2pstorage.cli.files.boundary;

import org.p2pstorage.cli.files.control.FileReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** The caller's files, newest first. */
@Command(name = "ls", aliases = "files", description = "List your files.")
public class LsCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getArray("/api/files/list"), FileReports::list);
    }
}
