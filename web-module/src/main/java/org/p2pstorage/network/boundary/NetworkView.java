package org.p2pstorage.network.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.LinkSettings;
import org.p2pstorage.transfer.entity.NetworkStatistics;
import org.p2pstorage.transfer.entity.PacketEvent;
import org.primefaces.PrimeFaces;

/**
 * The Network page: the nodes table, the star topology with each link's settings, the broadcast health
 * check, throughput and packets over time (sampled on every poll while the page is open), the recent
 * packets, and for admins stopping and starting nodes and changing their links. Uses the same
 * boundaries as {@code /api/network}: {@link Network} and {@link Links}.
 */
@Named
@ViewScoped
public class NetworkView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SAMPLES = 60;
    /** The picture's size and the radius of the ring of nodes around the gateway, in SVG units. */
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int RADIUS = 150;
    private static final int CHART_WIDTH = 600;
    private static final int CHART_HEIGHT = 140;

    @EJB
    Network network;

    @EJB
    Links links;

    @Inject
    Client client;

    private List<NodeView> nodes = List.of();
    private Map<String, LinkSettings> settings = Map.of();
    private NetworkStatistics statistics;
    private List<PacketEvent> events = List.of();
    private Map<String, Health> health = Map.of();
    private Instant checkedAt;
    private final List<double[]> samples = new ArrayList<>();
    private long lastPackets = -1;
    private long lastSampleNanos;

    private String editing;
    private long bandwidth;
    private int delayMin;
    private int delayMax;
    private double lossPercent;

    @PostConstruct
    void load() {
        refresh();
    }

    /** Reads the nodes, links, statistics and recent packets, and adds a sample to the charts. */
    public void refresh() {
        nodes = network.views();
        Map<String, LinkSettings> read = new LinkedHashMap<>();
        nodes.forEach(n -> read.put(n.id(), links.settings(n.id())));
        settings = read;
        statistics = links.statistics();
        List<PacketEvent> recent = new ArrayList<>(links.recentEvents(15));
        Collections.reverse(recent);
        events = recent;
        sample(statistics.total());
    }

    private void sample(InterfaceStatistics total) {
        long packets = total.packetsSent().values().stream().mapToLong(Long::longValue).sum();
        long now = System.nanoTime();
        double perSecond = lastPackets < 0 ? 0 : (packets - lastPackets) * 1e9 / Math.max(1, now - lastSampleNanos);
        lastPackets = packets;
        lastSampleNanos = now;
        samples.add(new double[]{total.currentThroughputBytesPerSecond(), perSecond});
        if (samples.size() > SAMPLES) {
            samples.remove(0);
        }
    }

    public void healthCheck() {
        health = network.healthCheck();
        checkedAt = Instant.now();
        long dead = health.values().stream().filter(h -> h == Health.DEAD).count();
        FacesFailures.info("health check: " + (health.size() - dead) + " alive, " + dead + " dead");
        refresh();
    }

    public void stop(String id) {
        FacesFailures.perform(() -> {
            client.requireAdmin();
            network.stop(id);
        });
        refresh();
    }

    public void start(String id) {
        FacesFailures.perform(() -> {
            client.requireAdmin();
            network.start(id);
        });
        refresh();
    }

    public void edit(String id) {
        editing = id;
        LinkSettings current = links.settings(id);
        bandwidth = current.bandwidthBytesPerSecond() / 1024;
        delayMin = current.delayMinMs();
        delayMax = current.delayMaxMs();
        lossPercent = current.lossRate() * 100;
    }

    /** Saves the edited link (bandwidth in KiB/s, 0 for unthrottled; loss in percent). */
    public void saveLink() {
        boolean saved = FacesFailures.perform(() -> {
            client.requireAdmin();
            network.node(editing);
            try {
                links.change(editing, new LinkSettings(bandwidth * 1024, delayMin, delayMax, lossPercent / 100));
            } catch (IllegalArgumentException e) {
                throw Failure.invalid(e.getMessage());
            }
        });
        if (saved) {
            FacesFailures.info("link of " + editing + " changed");
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        }
        refresh();
    }

    public boolean isAdmin() {
        return client.caller().map(c -> c.admin()).orElse(false);
    }

    public String healthOf(String id) {
        Health checked = health.get(id);
        return checked == null ? "" : checked.name();
    }

    public InterfaceStatistics statisticsOf(String id) {
        return statistics.interfaces().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    public long sent(InterfaceStatistics of) {
        return of == null ? 0 : of.packetsSent().values().stream().mapToLong(Long::longValue).sum();
    }

    public String linkText(String id) {
        LinkSettings link = settings.get(id);
        if (link == null) {
            return "";
        }
        return (link.throttled() ? (link.bandwidthBytesPerSecond() / 1024) + " KiB/s" : "unthrottled") + ", "
                + link.delayMinMs() + "–" + link.delayMaxMs() + " ms, "
                + String.format(Locale.ROOT, "%.1f%% loss", link.lossRate() * 100);
    }

    /** The x coordinate of the i-th node on the ring around the gateway. */
    public int x(int index) {
        return (int) Math.round(WIDTH / 2.0 + RADIUS * 1.6 * Math.cos(angle(index)));
    }

    public int y(int index) {
        return (int) Math.round(HEIGHT / 2.0 + RADIUS * Math.sin(angle(index)));
    }

    private double angle(int index) {
        return -Math.PI / 2 + 2 * Math.PI * index / Math.max(1, nodes.size());
    }

    public int getCenterX() {
        return WIDTH / 2;
    }

    public int getCenterY() {
        return HEIGHT / 2;
    }

    public String getThroughputPoints() {
        return points(0);
    }

    public String getPacketPoints() {
        return points(1);
    }

    public String getThroughputPeak() {
        return String.valueOf(Math.round(peak(0) / 1024)) + " KiB/s";
    }

    public String getPacketPeak() {
        return Math.round(peak(1)) + " packets/s";
    }

    private double peak(int series) {
        return samples.stream().mapToDouble(s -> s[series]).max().orElse(0);
    }

    private String points(int series) {
        double max = Math.max(1, peak(series));
        List<String> points = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            double x = CHART_WIDTH * i / (double) (SAMPLES - 1);
            double y = CHART_HEIGHT - CHART_HEIGHT * samples.get(i)[series] / max;
            points.add(Math.round(x) + "," + Math.round(y));
        }
        return points.stream().collect(Collectors.joining(" "));
    }

    public List<NodeView> getNodes() {
        return nodes;
    }

    public NetworkStatistics getStatistics() {
        return statistics;
    }

    public List<PacketEvent> getEvents() {
        return events;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getEditing() {
        return editing;
    }

    public long getBandwidth() {
        return bandwidth;
    }

    public void setBandwidth(long bandwidth) {
        this.bandwidth = bandwidth;
    }

    public int getDelayMin() {
        return delayMin;
    }

    public void setDelayMin(int delayMin) {
        this.delayMin = delayMin;
    }

    public int getDelayMax() {
        return delayMax;
    }

    public void setDelayMax(int delayMax) {
        this.delayMax = delayMax;
    }

    public double getLossPercent() {
        return lossPercent;
    }

    public void setLossPercent(double lossPercent) {
        this.lossPercent = lossPercent;
    }
}
