package org.p2pstorage.transfer.entity;

import java.io.StringReader;
import java.util.EnumMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

/**
 * What one network interface (a node's, the gateway's, or all of them together) has sent and received:
 * packets by type, payload bytes, retransmissions, the measured loss rate of data packets, and the
 * throughput of data received, now (last two seconds) and on average while it was busy. A node's host
 * posts its node's figures in the shared registry as JSON ({@link #toJson}, {@link #fromJson}), so that every
 * server shows the host's count.
 */
public record InterfaceStatistics(String id, String address, Map<PacketType, Long> packetsSent,
                                  Map<PacketType, Long> packetsReceived, long bytesSent, long bytesReceived,
                                  long retransmissions, double measuredLossRate, double currentThroughputBytesPerSecond,
                                  double averageThroughputBytesPerSecond) {

    /** The figures as one JSON object (the field names of the REST answer). */
    public String toJson() {
        return Json.createObjectBuilder()
                .add("id", id).add("address", address)
                .add("packetsSent", counts(packetsSent)).add("packetsReceived", counts(packetsReceived))
                .add("bytesSent", bytesSent).add("bytesReceived", bytesReceived)
                .add("retransmissions", retransmissions).add("measuredLossRate", measuredLossRate)
                .add("currentThroughputBytesPerSecond", currentThroughputBytesPerSecond)
                .add("averageThroughputBytesPerSecond", averageThroughputBytesPerSecond)
                .build().toString();
    }

    /** The figures {@link #toJson} wrote; packet types it does not name count 0. */
    public static InterfaceStatistics fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new InterfaceStatistics(o.getString("id"), o.getString("address"),
                    counts(o.getJsonObject("packetsSent")), counts(o.getJsonObject("packetsReceived")),
                    o.getJsonNumber("bytesSent").longValue(), o.getJsonNumber("bytesReceived").longValue(),
                    o.getJsonNumber("retransmissions").longValue(), o.getJsonNumber("measuredLossRate").doubleValue(),
                    o.getJsonNumber("currentThroughputBytesPerSecond").doubleValue(),
                    o.getJsonNumber("averageThroughputBytesPerSecond").doubleValue());
        }
    }

    private static JsonObjectBuilder counts(Map<PacketType, Long> counts) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        counts.forEach((type, n) -> builder.add(type.name(), n));
        return builder;
    }

    private static Map<PacketType, Long> counts(JsonObject json) {
        Map<PacketType, Long> counts = new EnumMap<>(PacketType.class);
        for (PacketType type : PacketType.values()) {
            counts.put(type, json.containsKey(type.name()) ? json.getJsonNumber(type.name()).longValue() : 0L);
        }
        return counts;
    }
}
