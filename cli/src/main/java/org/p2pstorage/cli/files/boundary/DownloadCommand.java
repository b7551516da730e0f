package org.p2pstorage.cli.files.boundary;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.files.control.Transfers;
import org.p2pstorage.cli.shell.boundary.ClientCommand;
import org.p2pstorage.cli.terminal.control.DataSizes;
import org.p2pstorage.cli.terminal.control.ProgressBar;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Downloads a file (by id, or the newest of that name), checked against its SHA-256, with a progress bar. */
@Command(name = "download", description = {"Download a file by id or name (to [output], a file or a folder).",
        "The server reads each chunk from a live copy; the bytes are checked against the file's SHA-256."})
public class DownloadCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<fileId|name>")
    String file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "[output]",
            description = "a file, or a folder (made if the name ends with /); default: the file's name here")
    String output;

    @Override
    protected void run() throws Exception {
        Path target = output == null ? null : Path.of(output);
        if (output != null && output.endsWith("/")) {
            Files.createDirectories(target);
        }
        Transfers transfers = new Transfers(api());
        JsonObject found = transfers.resolve(file);
        ProgressBar bar = new ProgressBar(out(), root().interactive() && !json(), "Downloading " + found.getString("name", file));
        Path written;
        try {
            written = transfers.download(found, target, bar::update);
        } catch (Exception e) {
            bar.abandon();
            throw e;
        }
        long size = Files.size(written);
        if (json()) {
            printJson(Json.createObjectBuilder().add("fileId", found.getString("fileId")).add("path", written.toString())
                    .add("size", size).add("sha256", found.getString("sha256", "")).build());
        } else {
            bar.finish();
            out().println("Downloaded " + found.getString("name", file) + " to " + written + " (" + DataSizes.format(size)
                    + ", SHA-256 verified)");
        }
    }
}
