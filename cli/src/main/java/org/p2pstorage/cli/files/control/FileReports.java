package org.p2pstorage.cli.files.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.terminal.control.DataSizes;
import org.p2pstorage.cli.terminal.control.Table;

/**
 * The file list and a file's chunk map as text tables. A file's health (healthy, degraded, unavailable)
 * stands beside its status, and a file that cannot be downloaded now is never shown as plainly AVAILABLE.
 */
public final class FileReports {

    /** The mark after the name of a file recovered from the nodes after the catalog was lost. */
    public static final String RECOVERED = "*";
    private static final int SHA_SHOWN = 16;

    private FileReports() {
    }

    public static String list(JsonArray files) {
        if (files.isEmpty()) {
            return "No files yet: upload <path>\n";
        }
        Table table = new Table(List.of("File ID", "Name", "Size", "Chunks", "Status", "Health", "Uploaded"),
                16, 16, 9, 6, 11, 11);
        List<String> notes = new ArrayList<>();
        for (JsonValue value : files) {
            JsonObject file = value.asJsonObject();
            String name = file.getString("name", "");
            String recoveredFrom = ApiClient.text(file, "recoveredFrom");
            if (recoveredFrom != null) {
                notes.add(RECOVERED + " " + name + ": recovered from the nodes after a catalog loss; first owner " + recoveredFrom);
                name += RECOVERED;
            }
            table.row(file.getString("fileId"), name, DataSizes.format(file.getJsonNumber("size").longValue()),
                    file.getInt("chunks", 0), status(file), health(file),
                    file.getString("createdAt", "").replaceFirst("\\.\\d+Z$", "Z"));
        }
        StringBuilder out = new StringBuilder("Files (").append(files.size()).append(")\n").append(table.render());
        notes.forEach(note -> out.append(note).append('\n'));
        return out.toString();
    }

    /**
     * The status to show: the server's, except that an AVAILABLE file none of whose copies of some chunk is
     * on a live node (it cannot be downloaded now) reads UNAVAILABLE.
     */
    public static String status(JsonObject file) {
        String status = file.getString("status", "");
        return "AVAILABLE".equals(status) && "unavailable".equals(ApiClient.text(file, "health")) ? "UNAVAILABLE" : status;
    }

    /** healthy, degraded or unavailable; {@code -} while the file is not available (or from an older server). */
    public static String health(JsonObject file) {
        String health = ApiClient.text(file, "health");
        return health == null ? "-" : health;
    }

    public static String info(JsonObject file) {
        StringBuilder out = new StringBuilder();
        long size = file.getJsonNumber("size").longValue();
        out.append("File:    ").append(file.getString("name", "")).append('\n');
        out.append("ID:      ").append(file.getString("fileId")).append('\n');
        out.append("Size:    ").append(DataSizes.format(size)).append(" (").append(size).append(" bytes)\n");
        out.append("SHA-256: ").append(file.getString("sha256", "")).append('\n');
        out.append("Status:  ").append(status(file)).append(", ").append(file.getInt("chunksAcknowledged", 0))
                .append('/').append(file.getInt("chunks", 0)).append(" chunks acknowledged\n");
        JsonArray chunkMap = file.getJsonArray("chunkMap");
        long replicas = ApiClient.number(file, "replicas", 0);
        if (replicas > 0) {
            out.append("Health:  ").append(healthLine(file, chunkMap, replicas)).append('\n');
            out.append("Copies:  ").append(replicas).append(" of every chunk, on distinct nodes\n");
        }
        String recoveredFrom = ApiClient.text(file, "recoveredFrom");
        if (recoveredFrom != null) {
            out.append("Origin:  recovered from the nodes after a catalog loss; first owner ").append(recoveredFrom).append('\n');
        }
        String failure = ApiClient.text(file, "failure");
        if (failure != null) {
            out.append("Failure: ").append(failure).append('\n');
        }
        out.append("Chunk map (every copy of every chunk):\n");
        out.append(chunkMap(chunkMap));
        out.append("Copies per node: ").append(spread(file)).append('\n');
        return out.toString();
    }

    /** One row per copy; the chunk's index, size, health and SHA-256 on the row of its first copy. */
    public static String chunkMap(JsonArray chunkMap) {
        Table table = new Table(List.of("Chunk", "Size", "Health", "Node", "State", "SHA-256"), 5, 8, 11, 8, 8, SHA_SHOWN + 1);
        for (JsonObject chunk : chunkMap.getValuesAs(JsonObject.class)) {
            List<JsonObject> copies = copies(chunk);
            String sha = chunk.getString("sha256", "");
            Object[] first = {chunk.getInt("index"), DataSizes.format(chunk.getInt("size")), health(chunk),
                    "-", "-", sha.length() > SHA_SHOWN ? sha.substring(0, SHA_SHOWN) + "…" : sha};
            for (int i = 0; i < Math.max(1, copies.size()); i++) {
                Object[] row = i == 0 ? first : new Object[]{"", "", "", "", "", ""};
                if (i < copies.size()) {
                    row[3] = copies.get(i).getString("node", "-");
                    row[4] = copies.get(i).getString("state", "");
                }
                table.row(row);
            }
        }
        return table.render();
    }

    /**
     * The copies of one chunk. An older server (one copy per chunk) put the node and state on the chunk
     * itself: that is then its only copy.
     */
    public static List<JsonObject> copies(JsonObject chunk) {
        if (chunk.get("copies") instanceof JsonArray copies) {
            return copies.getValuesAs(JsonObject.class);
        }
        String node = ApiClient.text(chunk, "node");
        if (node == null) {
            return List.of();
        }
        return List.of(Json.createObjectBuilder().add("node", node).add("state", chunk.getString("state", "")).build());
    }

    /** How many copies each node holds: {@code Node_01: 4, Node_02: 3} (refused copies left out). */
    public static String spread(JsonObject file) {
        Map<String, Integer> perNode = new TreeMap<>();
        for (JsonObject chunk : file.getJsonArray("chunkMap").getValuesAs(JsonObject.class)) {
            copies(chunk).stream().filter(c -> !"REJECTED".equals(c.getString("state", "")))
                    .forEach(c -> perNode.merge(c.getString("node", "-"), 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        perNode.forEach((node, count) -> out.append(out.length() == 0 ? "" : ", ").append(node).append(": ").append(count));
        return out.length() == 0 ? "no chunks" : out.toString();
    }

    /** The file's health and why: how many chunks are below their copies, which have none on a live node. */
    private static String healthLine(JsonObject file, JsonArray chunkMap, long replicas) {
        String health = ApiClient.text(file, "health");
        if (health == null) {
            return "- (known once the file is AVAILABLE)";
        }
        List<Integer> unavailable = new ArrayList<>();
        int below = 0;
        for (JsonObject chunk : chunkMap.getValuesAs(JsonObject.class)) {
            String chunkHealth = ApiClient.text(chunk, "health");
            if ("unavailable".equals(chunkHealth)) {
                unavailable.add(chunk.getInt("index"));
            }
            if (chunkHealth != null && !"healthy".equals(chunkHealth)) {
                below++;
            }
        }
        return switch (health) {
            case "healthy" -> "healthy (every chunk has its " + replicas + " copies on live nodes)";
            case "degraded" -> "degraded (" + below + " of " + chunkMap.size() + " chunks below " + replicas
                    + " copies; every chunk still has a copy on a live node)";
            case "unavailable" -> "unavailable (no copy on a live node of chunk" + (unavailable.size() == 1 ? " " : "s ")
                    + shortList(unavailable) + ": it cannot be downloaded now)";
            default -> health;
        };
    }

    private static String shortList(List<Integer> indexes) {
        if (indexes.size() <= 5) {
            return String.join(", ", indexes.stream().map(String::valueOf).toList());
        }
        return String.join(", ", indexes.subList(0, 5).stream().map(String::valueOf).toList())
                + " and " + (indexes.size() - 5) + " more";
    }
}
