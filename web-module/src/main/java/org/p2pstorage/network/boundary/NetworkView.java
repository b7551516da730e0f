package org.p2pstorage.network.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    /** The picture's size and the radius of the ring of nodes around the gateway, in SVG units. */
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;
    private static final int RADIUS = 150;

    @EJB
    NetworkState networkState;

    @EJB
    HealthBroadcast healthBroadcast;

    @EJB
    NodeAdmin admin;

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
    private final TrafficChart traffic = new TrafficChart();

    private String editing;
    private String stopping;
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
        nodes = networkState.views();
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
        traffic.add(System.currentTimeMillis(), total.currentThroughputBytesPerSecond(), packets);
    }

    public void healthCheck() {
        health = healthBroadcast.run();
        checkedAt = Instant.now();
        long dead = health.values().stream().filter(h -> h == Health.DEAD).count();
        FacesFailures.info("health check: " + (health.size() - dead) + " alive, " + dead + " dead");
        refresh();
    }

    /** Opens the confirmation, which says what stopping this node would do to the stored files. */
    public void askStop(String id) {
        stopping = id;
    }

    public String getStopping() {
        return stopping;
    }

    public void stop(String id) {
        FacesFailures.perform(() -> {
            client.requireAdmin();
            admin.stop(id);
        });
        refresh();
    }

    public void start(String id) {
        FacesFailures.perform(() -> {
            client.requireAdmin();
            admin.start(id);
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
            networkState.view(editing);
            try {
                admin.changeLink(editing, new LinkSettings(bandwidth * 1024, delayMin, delayMax, lossPercent / 100));
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

    public InterfaceStatistics statisticsOf(String id) {
        return statistics.interfaces().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    public long sent(InterfaceStatistics of) {
        return of == null ? 0 : of.packetsSent().values().stream().mapToLong(Long::longValue).sum();
    }

    public String bandwidthText(String id) {
        LinkSettings link = settings.get(id);
        return link == null ? "" : link.throttled() ? (link.bandwidthBytesPerSecond() / 1024) + " KiB/s" : "unthrottled";
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

    public String getThroughputChart() {
        return traffic.throughput();
    }

    public String getPacketChart() {
        return traffic.packets();
    }

    public String getThroughputPeak() {
        return Math.round(traffic.peak(1) / 1024) + " KiB/s";
    }

    public String getPacketPeak() {
        return Math.round(traffic.peak(2)) + " packets/s";
    }

    /** The loss rates the links are set to now ("1.0%", or "0.0–5.0%" when they differ). */
    public String getConfiguredLoss() {
        double min = settings.values().stream().mapToDouble(LinkSettings::lossRate).min().orElse(0) * 100;
        double max = settings.values().stream().mapToDouble(LinkSettings::lossRate).max().orElse(0) * 100;
        return min == max ? String.format(Locale.ROOT, "%.1f%%", min) : String.format(Locale.ROOT, "%.1f–%.1f%%", min, max);
    }

    /** The last health check's answer, in words: "answered" or "no answer". */
    public String checkOf(String id) {
        Health checked = health.get(id);
        return checked == null ? "" : checked == Health.ALIVE ? "answered the last check" : "no answer to the last check";
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
