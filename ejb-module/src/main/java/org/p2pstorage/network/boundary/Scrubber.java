package org.p2pstorage.network.boundary;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.configuration.entity.TimeSpan;
import org.p2pstorage.network.entity.ScrubStatus;
import org.p2pstorage.storage.entity.DamagedCopy;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.storage.entity.ScrubVerdict;

/**
 * Finds the damage nobody reads: a managed scheduler re-reads every chunk on every live node at a bounded
 * rate ({@code p2p.scrub.bytes.per.second}), checks it against the SHA-256 it was written with, and
 * announces a bad copy as a {@link DamagedCopy} event, which repair takes up. A full pass starts every
 * {@code p2p.scrub.interval} (or at once, on an admin's request); it covers the chunks the nodes held when
 * it started.
 */
@Singleton
@Startup
@DependsOn("HostedNodes")
@DeclareRoles("admin")
@PermitAll // WildFly denies the unannotated methods of a bean that has @RolesAllowed on some
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scrubber {

    private static final Logger LOG = Logger.getLogger(Scrubber.class.getName());
    private static final long TICK_MS = 100;

    private record Work(String nodeId, HeldChunk chunk) {
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @Inject
    Event<DamagedCopy> damaged;

    @Inject
    @ConfigProperty(name = "p2p.scrub.bytes.per.second", defaultValue = "1MiB")
    DataSize rate;

    @Inject
    @ConfigProperty(name = "p2p.scrub.interval", defaultValue = "1h")
    TimeSpan interval;

    private ScheduledFuture<?> ticking;
    private final Deque<Work> pass = new ArrayDeque<>();
    private boolean requested;
    private Instant nextPassAt;
    private Instant passStartedAt;
    private long passTotal;
    private long passVerified;
    private long passes;
    private Instant lastPassStartedAt;
    private Instant lastPassCompletedAt;
    private long verified;
    private long errors;
    private double allowance;
    private long lastTick = System.nanoTime();

    @PostConstruct
    void start() {
        nextPassAt = Instant.now().plusSeconds(60);
        ticking = scheduler.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "scrub: {0}/s, a pass every {1}", new Object[]{rate, interval.duration()});
    }

    @PreDestroy
    void stop() {
        ticking.cancel(false);
    }

    /** Admins only: starts a full pass now (a running pass is replaced by a new one over everything). */
    @RolesAllowed("admin")
    public synchronized ScrubStatus startNow() {
        requested = true;
        beginPass();
        return status();
    }

    public synchronized ScrubStatus status() {
        ScrubStatus.Pass current = passStartedAt == null ? null
                : new ScrubStatus.Pass(passStartedAt, passVerified, passTotal);
        return new ScrubStatus(rate.bytes(), passStartedAt != null, passes, lastPassStartedAt, lastPassCompletedAt,
                current, verified, errors);
    }

    private synchronized void tick() {
        try {
            long now = System.nanoTime();
            allowance = Math.min(allowance + rate.bytes() * (now - lastTick) / 1e9, Math.max(rate.bytes(), 1));
            lastTick = now;
            if (passStartedAt == null && (requested || !Instant.now().isBefore(nextPassAt))) {
                beginPass();
            }
            while (passStartedAt != null && allowance > 0 && !pass.isEmpty()) {
                Work work = pass.removeFirst();
                allowance -= work.chunk().size();
                check(work);
            }
            if (passStartedAt != null && pass.isEmpty()) {
                completePass();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scrub tick failed; going on", e);
        }
    }

    private void check(Work work) {
        ScrubVerdict verdict = hostedNodes.node(work.nodeId()).verify(work.chunk().key());
        if (verdict == ScrubVerdict.OFFLINE || verdict == ScrubVerdict.GONE) {
            return;
        }
        passVerified++;
        verified++;
        if (verdict == ScrubVerdict.DAMAGED) {
            errors++;
            LOG.log(Level.WARNING, "scrub: chunk {0} on {1} does not match its SHA-256", new Object[]{work.chunk().key(), work.nodeId()});
            damaged.fire(new DamagedCopy(work.nodeId(), work.chunk().key()));
        }
    }

    private void beginPass() {
        requested = false;
        pass.clear();
        for (NodeStatus node : networkState.hostedStatuses()) { // each server scrubs the nodes it hosts
            if (node.alive()) {
                hostedNodes.node(node.id()).held().forEach(chunk -> pass.addLast(new Work(node.id(), chunk)));
            }
        }
        passStartedAt = Instant.now();
        passTotal = pass.size();
        passVerified = 0;
    }

    private void completePass() {
        passes++;
        lastPassStartedAt = passStartedAt;
        lastPassCompletedAt = Instant.now();
        nextPassAt = lastPassStartedAt.plus(interval.duration());
        if (nextPassAt.isBefore(lastPassCompletedAt)) {
            nextPassAt = lastPassCompletedAt;
        }
        LOG.log(Level.INFO, "scrub pass {0} done: {1} chunks verified, {2} bad copies found so far",
                new Object[]{passes, passVerified, errors});
        passStartedAt = null;
    }
}
