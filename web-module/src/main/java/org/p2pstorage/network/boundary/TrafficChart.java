package org.p2pstorage.network.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * The Network page's live charts, as Chart.js configurations for PrimeFaces' {@code p:chart}: throughput
 * (KiB/s) and packets per second over the last two minutes, sampled on every poll, with a time axis in
 * seconds before now and a labelled value axis.
 */
public class TrafficChart implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SAMPLES = 60;

    /** [time in ms, bytes per second, packets per second]. */
    private final List<double[]> samples = new ArrayList<>();
    private long lastPackets = -1;
    private long lastSampleMs;

    void add(long nowMs, double bytesPerSecond, long packetsSoFar) {
        double perSecond = lastPackets < 0 ? 0 : (packetsSoFar - lastPackets) * 1000.0 / Math.max(1, nowMs - lastSampleMs);
        lastPackets = packetsSoFar;
        lastSampleMs = nowMs;
        samples.add(new double[]{nowMs, bytesPerSecond, Math.max(0, perSecond)});
        if (samples.size() > SAMPLES) {
            samples.remove(0);
        }
    }

    double peak(int series) {
        return samples.stream().mapToDouble(s -> s[series]).max().orElse(0);
    }

    String throughput() {
        return line("Throughput", "KiB/s", 1, 1024, "#1565c0");
    }

    String packets() {
        return line("Packets", "packets/s", 2, 1, "#6a1b9a");
    }

    private String line(String label, String unit, int series, double divisor, String colour) {
        JsonArrayBuilder points = Json.createArrayBuilder();
        double now = samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[0];
        for (double[] sample : samples) {
            points.add(Json.createObjectBuilder().add("x", Math.round((sample[0] - now) / 100.0) / 10.0)
                    .add("y", Math.round(sample[series] / divisor * 10) / 10.0));
        }
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", label + " (" + unit + ")")
                .add("data", points).add("borderColor", colour).add("backgroundColor", colour)
                .add("pointRadius", 0).add("borderWidth", 2).add("fill", false);
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", axis("linear", "time (seconds before now)").add("min", -120).add("max", 0))
                                .add("y", axis("linear", unit).add("beginAtZero", true))))
                .build().toString();
    }

    static JsonObjectBuilder axis(String type, String title) {
        return Json.createObjectBuilder().add("type", type)
                .add("title", Json.createObjectBuilder().add("display", true).add("text", title)
                        .add("color", "#37474f"))
                .add("ticks", Json.createObjectBuilder().add("color", "#37474f"));
    }
}
