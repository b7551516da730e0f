package org.p2pstorage.cli.files.control;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.p2pstorage.cli.terminal.control.DataSizes;
import org.p2pstorage.cli.terminal.control.Table;

/** The file list and a file's chunk map as text tables. */
public final class FileReports {

    private FileReports() {
    }

    public static String list(JsonArray files) {
        if (files.isEmpty()) {
            return "No files yet: upload <path>\n";
        }
        Table table = new Table(List.of("File ID", "Name", "Size", "Chunks", "Status", "Uploaded"), 16, 16, 9, 6, 12);
        for (JsonValue value : files) {
            JsonObject file = value.asJsonObject();
            table.row(file.getString("fileId"), file.getString("name", ""), DataSizes.format(file.getJsonNumber("size").longValue()),
                    file.getInt("chunks", 0), file.getString("status", ""), file.getString("createdAt", "").replaceFirst("\\.\\d+Z$", "Z"));
        }
        return "Files (" + files.size() + ")\n" + table.render();
    }

    public static String info(JsonObject file) {
        StringBuilder out = new StringBuilder();
        out.append("File:    ").append(file.getString("name", "")).append('\n');
        out.append("ID:      ").append(file.getString("fileId")).append('\n');
        out.append("Size:    ").append(DataSizes.format(file.getJsonNumber("size").longValue()))
                .append(" (").append(file.getJsonNumber("size").longValue()).append(" bytes)\n");
        out.append("SHA-256: ").append(file.getString("sha256", "")).append('\n');
        out.append("Status:  ").append(file.getString("status", "")).append(", ").append(file.getInt("chunksAcknowledged", 0))
                .append('/').append(file.getInt("chunks", 0)).append(" chunks acknowledged\n");
        if (file.containsKey("failure") && file.get("failure").getValueType() == JsonValue.ValueType.STRING) {
            out.append("Failure: ").append(file.getString("failure")).append('\n');
        }
        out.append("Chunk map:\n");
        Table table = new Table(List.of("Chunk", "Size", "Node", "State", "SHA-256"), 5, 8, 10, 10, 16);
        for (JsonObject chunk : file.getJsonArray("chunkMap").getValuesAs(JsonObject.class)) {
            table.row(chunk.getInt("index"), DataSizes.format(chunk.getInt("size")), chunk.getString("node", "-"),
                    chunk.getString("state", ""), chunk.getString("sha256", "").substring(0, 16) + "…");
        }
        out.append(table.render());
        out.append("Spread: ").append(spread(file)).append('\n');
        return out.toString();
    }

    /** How many chunks each node holds: {@code Node_01: 4, Node_02: 3}. */
    public static String spread(JsonObject file) {
        Map<String, Integer> perNode = new TreeMap<>();
        for (JsonObject chunk : file.getJsonArray("chunkMap").getValuesAs(JsonObject.class)) {
            perNode.merge(chunk.getString("node", "-"), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        perNode.forEach((node, count) -> out.append(out.length() == 0 ? "" : ", ").append(node).append(": ").append(count));
        return out.length() == 0 ? "no chunks" : out.toString();
    }
}
