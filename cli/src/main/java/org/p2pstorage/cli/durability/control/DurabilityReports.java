package org.p2pstorage.cli.durability.control;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.terminal.control.DataSizes;
import org.p2pstorage.cli.terminal.control.Table;

/**
 * What keeps the files alive, as text: the repair status (chunks at risk, bytes to move and moved, the link
 * model's ETA, per node), the scrubber's status and a catalog rebuild's report. Times are shown to the
 * second in UTC, and the time until a node's repair starts is counted from {@code now}.
 */
public final class DurabilityReports {

    private DurabilityReports() {
    }

    public static String repair(JsonObject status, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("Repair: ").append(status.getInt("replicas", 0)).append(" copies of every chunk; a stopped node's copies are ")
                .append("replaced after ").append(DataSizes.duration(ApiClient.number(status, "graceSeconds", 0) * 1000))
                .append("; repair may use ").append(percent(status, "share")).append(" of each link\n");
        long atRisk = ApiClient.number(status, "chunksAtRisk", 0);
        long unavailable = ApiClient.number(status, "chunksUnavailable", 0);
        out.append(line("Chunks at risk", atRisk == 0 ? "0 (every chunk at full strength)"
                : atRisk + (unavailable > 0 ? " (" + unavailable + " with no copy on a live node)" : " (each still has a live copy)")));
        out.append(line("Copies missing", ApiClient.number(status, "copiesMissing", 0) + ", "
                + ApiClient.number(status, "copiesInFlight", 0) + " on their way"));
        out.append(line("Bytes to move", DataSizes.format(ApiClient.number(status, "bytesToMove", 0))));
        out.append(line("Bytes moved", DataSizes.format(ApiClient.number(status, "bytesMoved", 0)) + " ("
                + ApiClient.number(status, "copiesRepaired", 0) + " copies repaired)"));
        if (status.containsKey("badCopiesFound")) {
            out.append(line("Bad copies found", String.valueOf(ApiClient.number(status, "badCopiesFound", 0))));
        }
        out.append(line("ETA", DataSizes.duration(ApiClient.number(status, "etaMs", 0)) + " (link model)"));
        if (status.get("lastRun") instanceof JsonObject run) {
            out.append(line("Last repair", run.getJsonNumber("copies").longValue() + " copies, "
                    + DataSizes.format(run.getJsonNumber("bytes").longValue()) + " in " + seconds(ApiClient.number(run, "actualMs", 0))
                    + " (link model " + seconds(ApiClient.number(run, "modelMs", 0)) + "), done "
                    + time(ApiClient.text(run, "completedAt"))));
        }
        Table table = new Table(List.of("Node ID", "State", "Down since", "Repair starts at", "Copies lost", "Bytes in", "Bytes out"),
                8, 8, 10, 16, 11, 9, 9);
        if (status.get("nodes") instanceof JsonArray nodes) {
            for (JsonObject node : nodes.getValuesAs(JsonObject.class)) {
                table.row(node.getString("node", "?"), node.getString("state", "?"), time(ApiClient.text(node, "downSince")),
                        startsAt(ApiClient.text(node, "repairStartsAt"), now), ApiClient.number(node, "copiesLost", 0),
                        DataSizes.format(ApiClient.number(node, "bytesIn", 0)), DataSizes.format(ApiClient.number(node, "bytesOut", 0)));
            }
        }
        return out.append(table.render()).toString();
    }

    public static String scrub(JsonObject status) {
        StringBuilder out = new StringBuilder("Scrubbing: every copy on every live node re-read at ")
                .append(DataSizes.rate(ApiClient.number(status, "bytesPerSecond", 0))).append(" and checked against its SHA-256\n");
        String pass = "not running";
        if (status.getBoolean("running", false) && status.get("currentPass") instanceof JsonObject current) {
            long verified = ApiClient.number(current, "chunksVerified", 0);
            long total = ApiClient.number(current, "chunksTotal", 0);
            pass = String.format(Locale.ROOT, "running, %d/%d chunks (%.1f%%)", verified, total,
                    total == 0 ? 100.0 : 100.0 * verified / total);
        } else if (status.getBoolean("running", false)) {
            pass = "running";
        }
        out.append(line("Current pass", pass));
        out.append(line("Full passes", ApiClient.number(status, "passes", 0) + ", the last started "
                + time(ApiClient.text(status, "lastPassStartedAt")) + ", completed "
                + time(ApiClient.text(status, "lastPassCompletedAt"))));
        out.append(line("Chunks verified", String.valueOf(ApiClient.number(status, "chunksVerified", 0))));
        out.append(line("Errors found", ApiClient.number(status, "errorsFound", 0) + ", repaired "
                + ApiClient.number(status, "errorsRepaired", 0)));
        return out.toString();
    }

    public static String rebuild(JsonObject report) {
        StringBuilder out = new StringBuilder("Catalog reconciled with the nodes' manifests at ")
                .append(time(ApiClient.text(report, "completedAt"))).append(":\n");
        out.append(line("Files recovered", ApiClient.number(report, "filesRecovered", 0) + " (files on the nodes the catalog lacked)"));
        out.append(line("Chunks adopted", ApiClient.number(report, "chunksAdopted", 0) + " (copies on disk added to the chunk map)"));
        out.append(line("Orphans removed", ApiClient.number(report, "orphansRemoved", 0) + " (chunk files no file claims)"));
        out.append(line("Copies dropped", ApiClient.number(report, "copiesDropped", 0)
                + " (listed, but on no node: repair replaces them)"));
        if (report.containsKey("filesIncomplete")) {
            out.append(line("Files incomplete", ApiClient.number(report, "filesIncomplete", 0) + " (some chunk on no node)"));
        }
        return out.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "%-17s %s%n", label + ":", value);
    }

    /** An instant to the second ({@code 2026-11-23 21:40:12Z}); {@code -} when there is none. */
    static String time(String instant) {
        if (instant == null) {
            return "-";
        }
        try {
            return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /** When repair of a stopped node's copies starts, and how long until then ({@code started} once past). */
    static String startsAt(String instant, Instant now) {
        if (instant == null) {
            return "-";
        }
        try {
            Instant at = Instant.parse(instant);
            String clock = at.truncatedTo(ChronoUnit.SECONDS).toString().substring(11);
            Duration left = Duration.between(now, at);
            return clock + (left.isNegative() || left.isZero() ? " (started)" : " (in " + DataSizes.duration(left.toMillis()) + ")");
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String percent(JsonObject object, String key) {
        return object.get(key) instanceof JsonNumber share ? String.format(Locale.ROOT, "%.0f%%", share.doubleValue() * 100) : "-";
    }
}
