package org.p2pstorage.cli.network.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.p2pstorage.cli.terminal.control.DataSizes;
import org.p2pstorage.cli.terminal.control.Table;

/** The seed's network reports (nodes, health) and ours (storage, topology, statistics) as text. */
public final class NetworkReports {

    public static final int NODES_RULE = 57;
    public static final int HEALTH_RULE = 56;

    private NetworkReports() {
    }

    /** The seed's {@code nodes} table: network, then id, address, status, storage used / capacity, files. */
    public static String nodes(JsonObject topology, JsonArray nodes) {
        StringBuilder out = new StringBuilder();
        out.append("Network: ").append(topology.getString("network", "?")).append(" (")
                .append(topology.getString("subnet", "?")).append(")\n");
        out.append(Table.rule(NODES_RULE)).append('\n');
        out.append(String.format(Locale.ROOT, "%-15s %-15s %-10s %-19s %s%n", "Node ID", "IP Address", "Status", "Storage", "Files"));
        out.append(Table.rule(NODES_RULE)).append('\n');
        for (JsonObject node : nodes.getValuesAs(JsonObject.class)) {
            String storage = DataSizes.format(node.getJsonNumber("usedBytes").longValue()) + " / "
                    + DataSizes.format(node.getJsonNumber("capacityBytes").longValue());
            String status = "STOPPED".equals(node.getString("state", "")) ? "STOPPED" : node.getString("health", node.getString("state", "?"));
            out.append(String.format(Locale.ROOT, "%-15s %-15s %-10s %-19s %d%n", node.getString("id"),
                    node.getString("address", ""), status, storage, node.getInt("segments", 0)));
        }
        return out.toString();
    }

    /** The seed's {@code health} report: ✓ ALIVE or ✗ DEAD per node, and the count. */
    public static String health(JsonObject health) {
        StringBuilder out = new StringBuilder("Health Check Results:\n");
        out.append(Table.rule(HEALTH_RULE)).append('\n');
        for (Map.Entry<String, JsonValue> entry : health.entrySet()) {
            if (entry.getValue() instanceof JsonString state) {
                boolean alive = "ALIVE".equals(state.getString());
                out.append(String.format(Locale.ROOT, "%-20s %s %s%n", entry.getKey(), alive ? "✓" : "✗", state.getString()));
            }
        }
        out.append(Table.rule(HEALTH_RULE)).append('\n');
        out.append("Total: ").append(health.getInt("alive", 0)).append('/').append(health.getInt("total", 0))
                .append(" nodes alive\n");
        return out.toString();
    }

    public static String storage(JsonObject status) {
        Table table = new Table(List.of("Node ID", "Capacity", "Used", "Available", "Used %", "Segments"), 15, 10, 10, 10, 7, 8);
        for (JsonObject node : status.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
            storageRow(table, node.getString("id"), node);
        }
        JsonObject total = status.getJsonObject("total");
        table.footer("Total", DataSizes.format(total.getJsonNumber("capacityBytes").longValue()),
                DataSizes.format(total.getJsonNumber("usedBytes").longValue()),
                DataSizes.format(total.getJsonNumber("availableBytes").longValue()),
                String.format(Locale.ROOT, "%.2f%%", total.getJsonNumber("utilizationPercent").doubleValue()),
                total.getInt("segments", 0));
        StringBuilder out = new StringBuilder("Storage Status:\n").append(table.render());
        return out.toString();
    }

    private static void storageRow(Table table, String id, JsonObject node) {
        table.row(id, DataSizes.format(node.getJsonNumber("capacityBytes").longValue()),
                DataSizes.format(node.getJsonNumber("usedBytes").longValue()),
                DataSizes.format(node.getJsonNumber("availableBytes").longValue()),
                String.format(Locale.ROOT, "%.2f%%", node.getJsonNumber("utilizationPercent").doubleValue()),
                node.getInt("segments", 0));
    }

    public static String topology(JsonObject topology) {
        StringBuilder out = new StringBuilder();
        out.append("Network: ").append(topology.getString("network", "?")).append(" (")
                .append(topology.getString("subnet", "?")).append(")\n");
        Table table = new Table(List.of("Node ID", "IP Address", "State", "Peers"), 15, 15, 10, 5);
        for (JsonObject node : topology.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
            List<String> peers = node.getJsonArray("peers").getValuesAs(JsonString::getString);
            table.row(node.getString("id"), node.getString("address", ""), node.getString("state", ""), String.join(", ", peers));
        }
        return out.append(table.render()).toString();
    }

    /** Packets, bytes, retransmissions, loss and throughput per interface, and in total. */
    public static String statistics(JsonObject statistics) {
        Table table = new Table(List.of("Interface", "Address", "Pkts sent", "Pkts recv", "Bytes sent", "Bytes recv",
                "Retrans", "Loss", "Avg speed"), 10, 13, 9, 9, 10, 10, 7, 6, 10);
        for (JsonObject each : statistics.getJsonArray("interfaces").getValuesAs(JsonObject.class)) {
            interfaceRow(table, each);
        }
        interfaceRow(table, statistics.getJsonObject("total"));
        StringBuilder out = new StringBuilder("Network Statistics (seed ")
                .append(statistics.getJsonNumber("seed")).append("):\n").append(table.render());
        JsonObject total = statistics.getJsonObject("total");
        out.append("Packets by type (sent): ").append(byType(total.getJsonObject("packetsSent"))).append('\n');
        return out.toString();
    }

    private static void interfaceRow(Table table, JsonObject each) {
        table.row(each.getString("id", "total"), each.containsKey("address") && !each.isNull("address") ? each.getString("address") : "-",
                sum(each.getJsonObject("packetsSent")), sum(each.getJsonObject("packetsReceived")),
                DataSizes.format(each.getJsonNumber("bytesSent").longValue()),
                DataSizes.format(each.getJsonNumber("bytesReceived").longValue()),
                each.getJsonNumber("retransmissions").longValue(),
                String.format(Locale.ROOT, "%.2f%%", each.getJsonNumber("measuredLossRate").doubleValue() * 100),
                DataSizes.rate(each.getJsonNumber("averageThroughputBytesPerSecond").doubleValue()));
    }

    private static long sum(JsonObject byType) {
        return byType == null ? 0 : byType.values().stream().mapToLong(v -> ((JsonNumber) v).longValue()).sum();
    }

    private static String byType(JsonObject byType) {
        StringBuilder out = new StringBuilder();
        if (byType != null) {
            byType.forEach((type, count) -> out.append(out.length() == 0 ? "" : ", ").append(type).append(' ').append(count));
        }
        return out.toString();
    }
}
