package org.p2pstorage.cli.files.boundary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.files.control.FileReports;
import org.p2pstorage.cli.files.control.Transfers;
import org.p2pstorage.cli.shell.boundary.ClientCommand;
import org.p2pstorage.cli.terminal.control.DataSizes;
import org.p2pstorage.cli.terminal.control.ProgressBar;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Uploads files, each with a progress bar of its chunks acknowledged by the nodes. */
@Command(name = "upload", description = {"Upload files. The progress bar counts every copy of every chunk that the nodes acknowledged",
                "(with 2 replicas an upload sends twice the bytes); the file is AVAILABLE once all are stored."})
public class UploadCommand extends ClientCommand {

    @Parameters(arity = "1..*", paramLabel = "<path>")
    List<Path> paths;

    @Override
    protected void run() throws Exception {
        for (Path path : paths) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("not a file: " + path);
            }
        }
        Transfers transfers = new Transfers(api());
        JsonArrayBuilder uploaded = Json.createArrayBuilder();
        for (Path path : paths) {
            ProgressBar bar = new ProgressBar(out(), root().interactive() && !json(), "Uploading " + path.getFileName());
            JsonObject file;
            try {
                file = transfers.upload(path, bar::update);
            } catch (Exception e) {
                bar.abandon();
                throw e;
            }
            if (json()) {
                uploaded.add(Json.createObjectBuilder().add("fileId", file.getString("fileId"))
                        .add("name", file.getString("name")).add("size", file.getJsonNumber("size"))
                        .add("sha256", file.getString("sha256")).add("chunks", file.getInt("chunks"))
                        .add("status", file.getString("status"))
                        .add("replicas", file.getInt("replicas", 1)).add("health", FileReports.health(file)));
            } else {
                bar.finish();
                int chunks = file.getInt("chunks");
                int replicas = file.getInt("replicas", 1);
                out().println("Uploaded " + file.getString("name") + " (" + DataSizes.format(file.getJsonNumber("size").longValue())
                        + ", " + chunks + (chunks == 1 ? " chunk" : " chunks") + (replicas > 1 ? " × " + replicas + " copies" : "")
                        + "): " + file.getString("fileId"));
            }
            out().flush();
        }
        if (json()) {
            printJson(uploaded.build());
        }
    }
}
