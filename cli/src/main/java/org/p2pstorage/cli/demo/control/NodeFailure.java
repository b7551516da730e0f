package org.p2pstorage.cli.demo.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.api.entity.ApiException;
import org.p2pstorage.cli.durability.control.DurabilityReports;
import org.p2pstorage.cli.files.control.FileReports;
import org.p2pstorage.cli.files.control.Transfers;
import org.p2pstorage.cli.network.control.NetworkReports;
import org.p2pstorage.cli.terminal.control.DataSizes;

/**
 * The demo's failure scene: the node holding most of the demo's copies stops; the demo files show as
 * degraded, a file with copies on that node still downloads byte-identical from the other copies, the
 * repair status shows what is at risk and when repair starts, new chunks avoid the node; the node starts
 * again and the files are healthy. Against a server without replicas the refused download is shown, as
 * it was before.
 */
public class NodeFailure {

    static final long HEALTHY_WAIT_MS = 60_000;
    static final long POLL_MS = 500;
    private final ApiClient api;
    private final PrintWriter out;
    private final Transfers transfers;
    private final Path folder;

    public NodeFailure(ApiClient api, PrintWriter out, Transfers transfers, Path folder) {
        this.api = api;
        this.out = out;
        this.transfers = transfers;
        this.folder = folder;
    }

    /**
     * Plays the scene. {@code uploaded} are the demo files' details by id (the file uploaded while the
     * node is down is added to it), {@code originals} their local copies by id.
     */
    public void play(Map<String, JsonObject> uploaded, Map<String, Path> originals) throws Exception {
        String victim = busiest(uploaded);
        try {
            api.post("/api/network/nodes/" + ApiClient.encode(victim) + "/stop");
        } catch (ApiException e) {
            if (e.status() == 403) {
                out.println("Skipped: stopping a node needs the admin (" + e.getMessage()
                        + "); the demo account is the admin only on a fresh server.");
                return;
            }
            throw e;
        }
        try {
            out.println("Stopped " + victim + ".");
            out.println("The demo files now:");
            out.print(FileReports.list(demoFiles(uploaded.keySet())));
            out.print(NetworkReports.health(api.getObject("/api/network/health")));
            uploaded.values().stream().filter(f -> copiesOn(f, victim) > 0)
                    .max(Comparator.comparingLong(f -> f.getJsonNumber("size").longValue()))
                    .ifPresent(affected -> download(affected, originals.get(affected.getString("fileId")), victim));
            repairStatus();
            Path probe = folder.resolve("demo_while_" + victim + "_down.bin");
            Files.write(probe, new byte[4 * 65536]);
            JsonObject details = transfers.upload(probe, state -> { });
            uploaded.put(details.getString("fileId"), details);
            out.println("A new upload while " + victim + " is down: " + details.getInt("chunks") + " chunks -> "
                    + FileReports.spread(details));
        } finally {
            api.post("/api/network/nodes/" + ApiClient.encode(victim) + "/start");
            out.println("Started " + victim + " again.");
        }
        out.println(awaitHealthy(uploaded.keySet()) ? "The demo files are healthy again:" : "The demo files after "
                + DataSizes.duration(HEALTHY_WAIT_MS) + " (see 'repair'):");
        out.print(FileReports.list(demoFiles(uploaded.keySet())));
        out.flush();
    }

    /** The node holding most copies of the demo's chunks. */
    static String busiest(Map<String, JsonObject> uploaded) {
        Map<String, Integer> copies = new TreeMap<>();
        for (JsonObject file : uploaded.values()) {
            for (JsonObject chunk : file.getJsonArray("chunkMap").getValuesAs(JsonObject.class)) {
                FileReports.copies(chunk).forEach(c -> copies.merge(c.getString("node", "-"), 1, Integer::sum));
            }
        }
        return copies.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("Node_01");
    }

    /** How many of the file's chunks have a copy on the node. */
    static long copiesOn(JsonObject file, String node) {
        return file.getJsonArray("chunkMap").getValuesAs(JsonObject.class).stream()
                .filter(chunk -> FileReports.copies(chunk).stream().anyMatch(c -> node.equals(c.getString("node", null))))
                .count();
    }

    private void download(JsonObject file, Path original, String victim) {
        String name = file.getString("name");
        long on = copiesOn(file, victim);
        String which = on + " of its " + file.getInt("chunks", 0) + " chunks " + (on == 1 ? "has" : "have") + " a copy on " + victim;
        try {
            Path copy = transfers.download(file, folder.resolve("check.bin"), state -> { });
            String expected = original == null ? file.getString("sha256", "") : sha256(original);
            String actual = sha256(copy);
            out.println("Download of " + name + " (" + which + "): succeeded from the other copies, "
                    + (expected.equals(actual) ? "byte-identical to the original" : "DIFFERENT from the original")
                    + " (SHA-256 " + actual.substring(0, 16) + "…)");
            Files.deleteIfExists(copy);
        } catch (ApiException e) {
            out.println("Download of " + name + " (" + which + "): refused, " + e.getMessage());
        } catch (IOException | InterruptedException e) {
            out.println("Download of " + name + " (" + which + "): failed, " + e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The repair status, from a server that repairs (an older one answers 404). */
    private void repairStatus() throws InterruptedException {
        try {
            JsonObject status = api.getObject("/api/repair");
            out.println("Repair status:");
            out.print(DurabilityReports.repair(status, Instant.now()));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Waits (at most a minute) until none of the files is degraded or unavailable. */
    private boolean awaitHealthy(Set<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + HEALTHY_WAIT_MS * 1_000_000;
        while (true) {
            boolean healthy = demoFiles(ids).getValuesAs(JsonObject.class).stream()
                    .map(FileReports::health).allMatch(h -> h.equals("healthy") || h.equals("-"));
            if (healthy || System.nanoTime() > deadline) {
                return healthy;
            }
            Thread.sleep(POLL_MS);
        }
    }

    private JsonArray demoFiles(Set<String> ids) throws InterruptedException {
        JsonArrayBuilder files = Json.createArrayBuilder();
        api.getArray("/api/files/list").getValuesAs(JsonObject.class).stream()
                .filter(f -> ids.contains(f.getString("fileId"))).forEach(files::add);
        return files.build();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
