package org.p2pstorage.transfer.boundary;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.transfer.control.Draws;
import org.p2pstorage.transfer.control.InterfaceCounters;
import org.p2pstorage.transfer.control.LinkClock;
import org.p2pstorage.transfer.control.RepairBudget;
import org.p2pstorage.transfer.entity.Booking;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.LinkSettings;
import org.p2pstorage.transfer.entity.NetworkStatistics;
import org.p2pstorage.transfer.entity.PacketEvent;
import org.p2pstorage.transfer.entity.PacketType;
import org.p2pstorage.transfer.entity.TransferTrack;

/**
 * The throttling bridge: every node's network interface (bandwidth, propagation delay, loss), the
 * virtual clock of each link, and the counters and recent events of all traffic.
 * <p>
 * A transfer is booked here, not waited for: {@link #sendChunk} computes when the chunk arrives at its
 * node (serialized behind what the link already carries, lost and retransmitted as the draws say), counts
 * the connection's packets (SYN, SYN-ACK, ACK, DATA and its ACK, FIN) and returns the arrival time, which
 * the producer hands to Artemis as the message's delivery delay. Senders keep within a short horizon
 * ({@link #holdBackNanos}) so that a changed setting governs the next chunks at once.
 * All randomness comes from one seed ({@code p2p.network.seed}).
 */
@Singleton
@DeclareRoles("admin")
@PermitAll // WildFly denies the unannotated methods of a bean that has @RolesAllowed on some
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Links {

    public static final String GATEWAY = "gateway";
    public static final String GATEWAY_ADDRESS = "192.168.1.1";
    private static final Logger LOG = Logger.getLogger(Links.class.getName());
    private static final int RECENT_EVENTS = 500;
    private static final int CONTROL_PACKET_BYTES = 40;
    private static final int TRACKED_TRANSFERS = 10_000;

    @Inject
    @ConfigProperty(name = "p2p.link.bandwidth", defaultValue = "64KiB")
    DataSize bandwidth;

    @Inject
    @ConfigProperty(name = "p2p.link.delay.min.ms", defaultValue = "1")
    int delayMinMs;

    @Inject
    @ConfigProperty(name = "p2p.link.delay.max.ms", defaultValue = "10")
    int delayMaxMs;

    @Inject
    @ConfigProperty(name = "p2p.link.loss", defaultValue = "0.01")
    double lossRate;

    @Inject
    @ConfigProperty(name = "p2p.link.rto.ms", defaultValue = "200")
    long retransmissionTimeoutMs;

    @Inject
    @ConfigProperty(name = "p2p.link.horizon.ms", defaultValue = "500")
    long horizonMs;

    @Inject
    @ConfigProperty(name = "p2p.network.seed", defaultValue = "1")
    long seed;

    @Inject
    @ConfigProperty(name = "p2p.repair.share", defaultValue = "0.5")
    double repairShare;

    /**
     * One node's interface: its two directions, its counters, and the repair budget of each direction
     * (the moment until which repair traffic has used its share of that direction).
     */
    private record Link(String nodeId, String address, LinkClock inbound, LinkClock outbound,
                        InterfaceCounters counters, RepairBudget inboundRepair, RepairBudget outboundRepair) {
    }

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    /** The counters of nodes another server hosts, as their hosts count them (which books every chunk to them). */
    private final Map<String, InterfaceStatistics> countedByHosts = new ConcurrentHashMap<>();
    /** The most recent transfers' bookings, for progress and ETA; the oldest are forgotten past the limit. */
    private final Map<String, TransferTrack> transfers = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TransferTrack> eldest) {
                    return size() > TRACKED_TRANSFERS;
                }
            });
    private final Deque<PacketEvent> recent = new ArrayDeque<>();
    private InterfaceCounters gateway;
    private Draws draws;
    private LinkSettings defaults;

    @PostConstruct
    void start() {
        draws = new Draws(seed);
        defaults = new LinkSettings(bandwidth.bytes(), delayMinMs, delayMaxMs, lossRate);
        gateway = new InterfaceCounters(GATEWAY, GATEWAY_ADDRESS);
        LOG.log(Level.INFO, "links: {0} B/s, {1}-{2} ms, loss {3}, seed {4}",
                new Object[]{defaults.bandwidthBytesPerSecond(), delayMinMs, delayMaxMs, lossRate, seed});
    }

    /** Gives a node its interface, with the configured default settings. */
    public void attach(String nodeId, String address) {
        long rto = TimeUnit.MILLISECONDS.toNanos(retransmissionTimeoutMs);
        links.computeIfAbsent(nodeId, id -> new Link(id, address, new LinkClock(defaults, rto),
                new LinkClock(defaults, rto), new InterfaceCounters(id, address), new RepairBudget(),
                new RepairBudget()));
    }

    public LinkSettings settings(String nodeId) {
        return link(nodeId).inbound().settings();
    }

    /**
     * Takes the settings of a link that another server's node sits behind, as its host plays them (read from
     * the shared registry, or ordered by the server where an admin changed them).
     */
    public void follow(String nodeId, LinkSettings settings) {
        Link link = link(nodeId);
        if (!link.inbound().settings().equals(settings)) {
            link.inbound().change(settings);
            link.outbound().change(settings);
            LOG.log(Level.INFO, "{0} link now {1}, as its server plays it", new Object[]{nodeId, settings});
        }
    }

    @RolesAllowed("admin")
    public LinkSettings change(String nodeId, LinkSettings settings) {
        Link link = link(nodeId);
        link.inbound().change(settings);
        link.outbound().change(settings);
        LOG.log(Level.INFO, "{0} link now {1}", new Object[]{nodeId, settings});
        return settings;
    }

    /** How long a sender should hold back before booking the next chunk to this node (0: go). */
    public long holdBackNanos(String nodeId) {
        return link(nodeId).inbound().holdBack(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(horizonMs));
    }

    /**
     * Books one chunk's connection from the gateway to the node and counts its packets; returns when
     * (on {@link System#nanoTime()}) the chunk arrives.
     */
    public Booking sendChunk(String nodeId, String fileId, int index, String sha256, int bytes) {
        Link link = link(nodeId);
        Booking booking = connection(link.inbound(), System.nanoTime(), gateway, GATEWAY_ADDRESS, link.counters(),
                link.address(), index, sha256, bytes);
        transfers.merge(fileId, TransferTrack.first(bytes, booking.retransmissions(), booking.startNanos(),
                        booking.arrivalNanos()),
                (old, one) -> old.plus(bytes, booking.retransmissions(), booking.startNanos(), booking.arrivalNanos()));
        return booking;
    }

    /** Books one chunk's connection from the node back to the gateway, for a download. */
    public Booking fetchChunk(String nodeId, int index, String sha256, int bytes) {
        Link link = link(nodeId);
        return connection(link.outbound(), System.nanoTime(), link.counters(), link.address(), gateway,
                GATEWAY_ADDRESS, index, sha256, bytes);
    }

    /**
     * Of the nodes that hold a chunk, the one whose link back to the gateway delivers it soonest (the
     * first of them when several are free): a download spreads its chunks over the copies' links.
     */
    public String soonest(List<String> nodeIds) {
        String best = nodeIds.get(0);
        long bestFree = Long.MAX_VALUE;
        long now = System.nanoTime();
        for (String nodeId : nodeIds) {
            long free = Math.max(now, link(nodeId).outbound().freeAt());
            if (free < bestFree) {
                best = nodeId;
                bestFree = free;
            }
        }
        return best;
    }

    /**
     * Books a repair copy from {@code source} to {@code target}: up the source's link to the gateway, then
     * down the target's, in the links' queues with everybody else's traffic. Repair may use only its share
     * ({@code p2p.repair.share}) of each direction, and books no further ahead than the horizon; empty when
     * its budget on either link is used up for now (the caller tries again later, it does not wait).
     */
    public Optional<Booking> relayChunk(String source, String target, int index, String sha256, int bytes) {
        Link from = link(source);
        Link to = link(target);
        long now = System.nanoTime();
        long horizon = TimeUnit.MILLISECONDS.toNanos(horizonMs);
        synchronized (this) {
            long up = from.outbound().settings().transmissionNanos(bytes);
            long down = to.inbound().settings().transmissionNanos(bytes);
            if (!from.outboundRepair().admits(now, horizon) || !to.inboundRepair().admits(now, horizon)) {
                return Optional.empty();
            }
            long slot = Math.max(from.outboundRepair().nextSlot(now), to.inboundRepair().nextSlot(now));
            from.outboundRepair().use(slot, up, repairShare);
            to.inboundRepair().use(slot, down, repairShare);
            Booking fetched = connection(from.outbound(), slot, from.counters(), from.address(), gateway,
                    GATEWAY_ADDRESS, index, sha256, bytes);
            Booking sent = connection(to.inbound(), fetched.arrivalNanos(), gateway, GATEWAY_ADDRESS, to.counters(),
                    to.address(), index, sha256, bytes);
            Booking relayed = new Booking(fetched.startNanos(), sent.arrivalNanos(),
                    fetched.attempts() + sent.attempts() - 1, fetched.transmissionNanos() + sent.transmissionNanos(),
                    fetched.delayMs() + sent.delayMs());
            return Optional.of(relayed);
        }
    }

    /** The share of every link that repair traffic may use. */
    public double repairShare() {
        return repairShare;
    }

    /**
     * The time, on the link model, that {@code bytes} of repair traffic into (or out of) the node would
     * take at repair's share of its link: 0 on an unthrottled link.
     */
    public long repairNanos(String nodeId, long bytes, boolean inbound) {
        Link link = link(nodeId);
        LinkSettings settings = (inbound ? link.inbound() : link.outbound()).settings();
        return Math.round(settings.transmissionNanos(bytes) / repairShare);
    }

    /** One connection: handshake, the data (lost and sent again as the draws say), its ACK, FIN. */
    private Booking connection(LinkClock clock, long ready, InterfaceCounters sender, String from,
                               InterfaceCounters receiver, String to, int index, String sha256, int bytes) {
        Booking booking = clock.book(ready, bytes, sha256 + "#" + index + "@" + to, draws);
        int checksum = (int) Long.parseLong(sha256.substring(0, 8), 16);
        long seq = index * 65_536L;
        packet(PacketType.SYN, sender, from, receiver, to, 0, 0);
        packet(PacketType.SYN_ACK, receiver, to, sender, from, 0, 1);
        packet(PacketType.ACK, sender, from, receiver, to, 1, 1);
        for (int attempt = 1; attempt <= booking.attempts(); attempt++) {
            boolean lost = attempt < booking.attempts();
            sender.sent(PacketType.DATA, bytes);
            if (attempt > 1) {
                sender.retransmitted();
            }
            if (lost) {
                sender.lost();
                receiver.lost();
            }
            event(PacketType.DATA, from, to, seq, 0, bytes, checksum, lost);
        }
        receiver.dataArrives(bytes, booking.startNanos(), booking.arrivalNanos());
        packet(PacketType.ACK, receiver, to, sender, from, 0, seq + bytes);
        packet(PacketType.FIN, sender, from, receiver, to, seq + bytes, 0);
        return booking;
    }

    private void packet(PacketType type, InterfaceCounters sender, String from, InterfaceCounters receiver, String to,
                        long seq, long ack) {
        sender.sent(type, 0);
        receiver.received(type);
        event(type, from, to, seq, ack, 0, 0, false);
    }

    /** Books a HEALTH_CHECK packet to the node; returns its arrival time. */
    public long sendProbe(String nodeId, String probeId) {
        Link link = link(nodeId);
        Booking booking = link.inbound().book(System.nanoTime(), CONTROL_PACKET_BYTES, probeId + nodeId, draws);
        gateway.sent(PacketType.HEALTH_CHECK, CONTROL_PACKET_BYTES);
        link.counters().received(PacketType.HEALTH_CHECK);
        event(PacketType.HEALTH_CHECK, GATEWAY_ADDRESS, link.address(), 0, 0, CONTROL_PACKET_BYTES, 0, false);
        return booking.arrivalNanos();
    }

    /** Books a node's short answer (an ACK) on its way back to the gateway; returns its arrival time. */
    public long answer(String nodeId, String key) {
        return link(nodeId).outbound().book(System.nanoTime(), CONTROL_PACKET_BYTES, key, draws).arrivalNanos();
    }

    /** The node's link counters as this server counts them (posted in the registry for a node hosted here). */
    public InterfaceStatistics countedHere(String nodeId) {
        return link(nodeId).counters().snapshot(System.nanoTime());
    }

    /** The counters of a node another server hosts, as the host posted them: {@link #statistics} shows these. */
    public void countedByHost(String nodeId, InterfaceStatistics traffic) {
        if (links.containsKey(nodeId)) {
            countedByHosts.put(nodeId, traffic);
        }
    }

    public Optional<TransferTrack> transfer(String fileId) {
        return Optional.ofNullable(transfers.get(fileId));
    }

    public void forget(String fileId) {
        transfers.remove(fileId);
    }

    /**
     * The gateway's counters (this server's traffic) and every node's: of a node hosted here as counted here, of one
     * another server hosts as that server posted them in the registry, so every server shows the same figures.
     */
    public NetworkStatistics statistics() {
        long now = System.nanoTime();
        List<InterfaceStatistics> interfaces = new ArrayList<>();
        interfaces.add(gateway.snapshot(now));
        links.values().stream().sorted(Comparator.comparing(Link::nodeId))
                .forEach(link -> interfaces.add(countedByHosts.getOrDefault(link.nodeId(), link.counters().snapshot(now))));
        return new NetworkStatistics(seed, interfaces, InterfaceCounters.total(interfaces));
    }

    public List<PacketEvent> recentEvents(int limit) {
        synchronized (recent) {
            List<PacketEvent> events = new ArrayList<>(recent);
            return List.copyOf(events.subList(Math.max(0, events.size() - limit), events.size()));
        }
    }

    private void event(PacketType type, String source, String destination, long seq, long ack, int bytes,
                       int checksum, boolean lost) {
        synchronized (recent) {
            recent.addLast(new PacketEvent(Instant.now(), type, source, destination, seq, ack, bytes, checksum, lost));
            while (recent.size() > RECENT_EVENTS) {
                recent.removeFirst();
            }
        }
    }

    private Link link(String nodeId) {
        Link link = links.get(nodeId);
        if (link == null) {
            throw Failure.notFound("no node " + nodeId + " in the network");
        }
        return link;
    }
}
