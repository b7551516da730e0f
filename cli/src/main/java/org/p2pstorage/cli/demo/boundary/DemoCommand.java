package org.p2pstorage.cli.demo.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.api.entity.ApiException;
import org.p2pstorage.cli.demo.control.NodeFailure;
import org.p2pstorage.cli.files.control.FileReports;
import org.p2pstorage.cli.files.control.Transfers;
import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;
import org.p2pstorage.cli.terminal.control.DataSizes;
import org.p2pstorage.cli.terminal.control.ProgressBar;
import org.p2pstorage.cli.terminal.control.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The seed's demo mode: test files of several sizes are uploaded, the spread of their chunks' copies over
 * the nodes shown, the nodes checked, one node stopped (see {@link NodeFailure}: the files degraded but
 * still downloadable from their other copies, the repair status, new chunks avoiding it) and started
 * again (the files healthy), and a system report printed. It
 * runs as the signed-in user, or else as the account {@code demo} (registered if it does not exist: on
 * a fresh server that first account is the admin, who may stop nodes).
 */
@Command(name = "demo", description = {"Run the seed's demo: upload test files, show their spread, stop a node",
        "(the files turn degraded but still download byte-identical from their other copies; the repair status),",
        "start it again (the files are healthy), report. Stopping a node needs the admin."})
public class DemoCommand extends ClientCommand {

    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "demo-p2p-storage";

    @Option(names = "--sizes", split = ",", paramLabel = "SIZE", defaultValue = "64KiB,512KiB,2MB",
            description = "sizes of the test files (default: ${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--keep", description = "keep the demo files on the network afterwards")
    boolean keep;

    private final Map<String, JsonObject> uploaded = new LinkedHashMap<>();

    @Override
    protected void run() throws Exception {
        ApiClient api = signIn();
        Path folder = Files.createTempDirectory("p2p-demo");
        try {
            section("1. Creating test files");
            List<Path> files = createFiles(folder);
            section("2. Uploading them");
            Transfers transfers = new Transfers(api);
            Map<String, Path> originals = new LinkedHashMap<>();
            for (Path file : files) {
                ProgressBar bar = new ProgressBar(out(), root().interactive(), "Uploading " + file.getFileName());
                JsonObject details = transfers.upload(file, bar::update);
                bar.finish();
                uploaded.put(details.getString("fileId"), details);
                originals.put(details.getString("fileId"), file);
            }
            section("3. How the chunks spread over the nodes");
            out().print(spread());
            section("4. Health check");
            out().print(NetworkReports.health(api.getObject("/api/network/health")));
            section("5. A node fails");
            new NodeFailure(api, out(), transfers, folder).play(uploaded, originals);
            section("6. System report");
            out().print(NetworkReports.nodes(api.getObject("/api/network/topology"), api.getArray("/api/network/nodes")));
            out().println();
            out().print(NetworkReports.storage(api.getObject("/api/storage/status")));
            out().println();
            out().print(NetworkReports.statistics(api.getObject("/api/network/statistics")));
        } finally {
            if (!keep) {
                for (String fileId : uploaded.keySet()) {
                    try {
                        api.delete("/api/files/" + ApiClient.encode(fileId));
                    } catch (ApiException e) {
                        out().println("Could not delete " + fileId + ": " + e.getMessage());
                    }
                }
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        out().println();
        out().println("Demo complete" + (keep ? "; the demo files stay on the network." : "; the demo files were deleted."));
    }

    /** The saved session for this server, else the demo account (registered when missing). */
    private ApiClient signIn() throws InterruptedException {
        String server = root().settings().baseUrl();
        var saved = sessions().load(server);
        ApiClient api;
        if (saved.isPresent()) {
            api = new ApiClient(server, saved.get().token());
        } else {
            ApiClient anonymous = anonymous();
            JsonObject login = Json.createObjectBuilder().add("username", DEMO_USER).add("password", DEMO_PASSWORD).build();
            JsonObject session;
            try {
                session = (JsonObject) anonymous.post("/api/auth/login", login);
            } catch (ApiException e) {
                if (e.status() != 401) {
                    throw e;
                }
                anonymous.post("/api/auth/register", Json.createObjectBuilder().add("username", DEMO_USER)
                        .add("email", DEMO_USER + "@p2p-storage.local").add("password", DEMO_PASSWORD).build());
                out().println("Registered the demo account '" + DEMO_USER + "'.");
                session = (JsonObject) anonymous.post("/api/auth/login", login);
            }
            if (session.getBoolean("otpRequired", false)) {
                throw new ApiException(401, "OTP", "the demo account has two-factor sign-in on: log in first, then run demo");
            }
            api = anonymous.withToken(session.getString("token"));
        }
        JsonObject me = api.getObject("/api/auth/me");
        out().println("P2P Storage demo on " + server + " as " + me.getString("username")
                + ("ADMIN".equalsIgnoreCase(me.getString("role", "")) ? " (admin)" : ""));
        return api;
    }

    private List<Path> createFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        Random random = new Random(42);
        byte[] buffer = new byte[65536];
        String[] names = {"small", "medium", "large", "xlarge", "xxlarge"};
        for (int i = 0; i < sizes.size(); i++) {
            long size = DataSizes.parse(sizes.get(i));
            Path file = folder.resolve("demo_" + (i < names.length ? names[i] : "file" + i) + "_" + sizes.get(i).strip() + ".bin");
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = size; left > 0; left -= buffer.length) {
                    random.nextBytes(buffer);
                    out.write(buffer, 0, (int) Math.min(buffer.length, left));
                }
            }
            out().println("Created " + file.getFileName() + " (" + DataSizes.format(size) + ")");
            files.add(file);
        }
        return files;
    }

    /** Chunks per node and file, with totals. */
    private String spread() {
        Map<String, Map<String, Integer>> perNode = new TreeMap<>();
        for (JsonObject file : uploaded.values()) {
            for (JsonObject chunk : file.getJsonArray("chunkMap").getValuesAs(JsonObject.class)) {
                for (JsonObject copy : FileReports.copies(chunk)) {
                    perNode.computeIfAbsent(copy.getString("node", "-"), n -> new LinkedHashMap<>())
                            .merge(file.getString("fileId"), 1, Integer::sum);
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("Node ID"));
        uploaded.values().forEach(f -> header.add(f.getString("name").replaceFirst("\\.bin$", "")));
        header.add("Total");
        Table table = new Table(header, 15);
        perNode.forEach((node, counts) -> {
            List<Object> row = new ArrayList<>(List.of(node));
            uploaded.keySet().forEach(id -> row.add(counts.getOrDefault(id, 0)));
            row.add(counts.values().stream().mapToInt(Integer::intValue).sum());
            table.row(row.toArray());
        });
        StringBuilder out = new StringBuilder("Copies of the chunks per node:\n").append(table.render());
        for (JsonObject file : uploaded.values()) {
            int chunks = file.getInt("chunks");
            out.append(file.getString("name")).append(": ").append(chunks).append(chunks == 1 ? " chunk" : " chunks")
                    .append(file.getInt("replicas", 1) > 1 ? " × " + file.getInt("replicas") + " copies" : "").append(" -> ")
                    .append(FileReports.spread(file)).append('\n');
        }
        return out.toString();
    }

    private void section(String title) {
        out().println();
        out().println("== " + title + " ==");
        out().flush();
    }
}
