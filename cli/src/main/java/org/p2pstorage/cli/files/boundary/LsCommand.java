package org.p2pstorage.cli.files.boundary;

import org.p2pstorage.cli.files.control.FileReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** The caller's files, newest first. */
@Command(name = "ls", aliases = "files", description = {"List your files with their status and health:",
                "healthy (every chunk has all its copies on live nodes), degraded (some chunk has fewer, each has one),",
                "unavailable (some chunk has no copy on a live node: it cannot be downloaded now).",
                "A name marked * was recovered from the nodes after a catalog loss."})
public class LsCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getAllPages("/api/files/list"), FileReports::list);
    }
}
