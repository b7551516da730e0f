package org.p2pstorage.catalog.entity;

import java.util.Map;

/**
 * A file's chunk map counted rather than listed: its chunks by health, its copies on their way, and each
 * node's copies (and how many of them are still on their way). What File details says about a file of
 * any size while it draws a window of the map.
 */
public record ChunkCensus(int healthy, int degraded, int unavailable, int copiesInFlight,
                          Map<String, Integer> copiesByNode, Map<String, Integer> inFlightByNode) {

    public ChunkCensus {
        copiesByNode = Map.copyOf(copiesByNode);
        inFlightByNode = Map.copyOf(inFlightByNode);
    }

    /** How many chunks have this health ({@code healthy}, {@code degraded}, {@code unavailable}). */
    public int count(String health) {
        return switch (health) {
            case "healthy" -> healthy;
            case "degraded" -> degraded;
            case "unavailable" -> unavailable;
            default -> 0;
        };
    }
}
