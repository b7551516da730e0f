package org.p2pstorage.network.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.storage.entity.ProcessState;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.LinkSettings;

/**
 * A node's row in the shared registry: its latest status and link settings as its host posted them, which server hosts it, and
 * when the host last wrote. Other servers read the network from these rows; a row its host has not written
 * for longer than the registry's timeout stands for a node that is gone (its server died), STOPPED since
 * the host's last word.
 */
@Entity
@Table(name = "node_registry")
@NamedQuery(name = RegisteredNode.ALL, query = "SELECT n FROM RegisteredNode n ORDER BY n.nodeId")
@NamedQuery(name = RegisteredNode.LAST_HEARD,
        query = "SELECT n.serverId, MAX(n.seenAt) FROM RegisteredNode n GROUP BY n.serverId")
public class RegisteredNode {

    public static final String ALL = "RegisteredNode.all";
    /** Each server named in the registry, with the latest time it wrote a row of its nodes. */
    public static final String LAST_HEARD = "RegisteredNode.lastHeard";

    @Id
    @Column(length = 16)
    private String nodeId;

    @Column(nullable = false, length = 64)
    private String serverId;

    @Column(nullable = false, length = 32)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, columnDefinition = "varchar(16)")
    private ProcessState state;

    private long capacityBytes;
    private long usedBytes;
    private long reservedBytes;
    private int segments;
    private long bandwidthBytesPerSecond;
    private int delayMinMs;
    private int delayMaxMs;
    private double lossRate;
    private Instant downSince;

    @Column(nullable = false)
    private Instant seenAt;

    /** The node's link counters as its host counts them ({@link InterfaceStatistics#toJson}); null before the first post. */
    @Column(length = 4000)
    private String linkStatistics;

    protected RegisteredNode() {
    }

    public RegisteredNode(String serverId, NodeStatus status, LinkSettings link, InterfaceStatistics traffic, Instant now) {
        this.nodeId = status.id();
        post(serverId, status, link, traffic, now);
    }

    /** The host's latest word on its node, its link and the traffic the link carried. */
    public void post(String serverId, NodeStatus status, LinkSettings link, InterfaceStatistics traffic, Instant now) {
        if (!nodeId.equals(status.id())) {
            throw new IllegalArgumentException("the row of " + nodeId + " cannot take the status of " + status.id());
        }
        this.serverId = serverId;
        this.address = status.address();
        this.state = status.state();
        this.capacityBytes = status.capacityBytes();
        this.usedBytes = status.usedBytes();
        this.reservedBytes = status.reservedBytes();
        this.segments = status.segments();
        this.downSince = status.downSince();
        this.bandwidthBytesPerSecond = link.bandwidthBytesPerSecond();
        this.delayMinMs = link.delayMinMs();
        this.delayMaxMs = link.delayMaxMs();
        this.lossRate = link.lossRate();
        this.linkStatistics = traffic.toJson();
        this.seenAt = now;
    }

    /** The node's link counters as its host last posted them. */
    public Optional<InterfaceStatistics> linkStatistics() {
        return Optional.ofNullable(linkStatistics).map(InterfaceStatistics::fromJson);
    }

    /** The node's link as its host plays it (every server books the node's link with these settings). */
    public LinkSettings link() {
        return new LinkSettings(bandwidthBytesPerSecond, delayMinMs, delayMaxMs, lossRate);
    }

    public String nodeId() {
        return nodeId;
    }

    public String serverId() {
        return serverId;
    }

    /** Whether its host has written within {@code timeout} of {@code now}. */
    public boolean heardFrom(Instant now, Duration timeout) {
        return !seenAt.isBefore(now.minus(timeout));
    }

    /**
     * The node as the other servers see it: as posted while its host writes; STOPPED since the host's last
     * word once the host has been silent longer than {@code timeout}.
     */
    public NodeStatus status(Instant now, Duration timeout) {
        if (heardFrom(now, timeout)) {
            return new NodeStatus(nodeId, address, state, capacityBytes, usedBytes, reservedBytes, segments, downSince);
        }
        return new NodeStatus(nodeId, address, ProcessState.STOPPED, capacityBytes, usedBytes, 0, segments,
                downSince != null ? downSince : seenAt);
    }
}
