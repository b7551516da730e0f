package org.p2pstorage.catalog.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.catalog.control.AbandonedUploads;
import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.entity.RunningUpload;
import org.p2pstorage.network.boundary.HostedNodes;
import org.p2pstorage.network.boundary.NetworkState;

/**
 * Gives up, on the managed scheduler, the uploads of a server that died and stays away: only the server taking
 * an upload hears its nodes' answers, so without it the file would stay TRANSFERRING for ever, its copies
 * kept and its room held. Once the server named in a TRANSFERRING file has been silent in the shared registry
 * for longer than {@code p2p.orphan.upload.grace.ms}, the file is failed as that server's own restart fails an
 * upload cut off ({@link InterruptedUploads}): FAILED with the reason, its copies dropped from the nodes
 * wherever they are hosted. A conditional UPDATE lets exactly one live server do it. Copies still on their way
 * when it was given up land later, so they are dropped once more a grace later. The dead server, if it ever
 * comes back, finds the file FAILED: its restart leaves it alone and the answers still queued for it are
 * answered by dropping the copies they stand for.
 */
@Singleton
@Startup
@DependsOn({"HostedNodes", "RegistrySync"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanedUploads {

    private static final Logger LOG = Logger.getLogger(OrphanedUploads.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CatalogRepository catalog;

    @EJB
    NetworkState networkState;

    @EJB
    Files files;

    @EJB
    HostedNodes hostedNodes;

    @Inject
    @ConfigProperty(name = "p2p.orphan.upload.grace.ms", defaultValue = "30000")
    long graceMs;

    /** The files given up here whose copies are dropped once more (late arrivals), and when. */
    private final Map<String, Instant> dropAgain = new ConcurrentHashMap<>();

    /** Silence counts from here: this server's start (see {@link AbandonedUploads#of}). */
    private final Instant started = Instant.now();

    private AbandonedUploads abandoned;
    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        abandoned = new AbandonedUploads(Duration.ofMillis(graceMs));
        long tick = abandoned.tick().toMillis();
        ticking = scheduler.scheduleWithFixedDelay(this::look, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void look() {
        try {
            Instant now = Instant.now();
            dropLateCopies(now);
            String me = hostedNodes.hosting().serverId();
            for (RunningUpload upload : abandoned.of(me, started, catalog.runningElsewhere(me),
                    networkState.lastHeard(), now)) {
                giveUp(upload, now);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not look for uploads of servers that are gone: {0}", e.toString());
        }
    }

    private void giveUp(RunningUpload upload, Instant now) {
        if (!catalog.giveUp(upload.fileId(), upload.uploadedBy(), abandoned.reason(upload), now)) {
            return; // another server gave it up first, or it settled meanwhile
        }
        LOG.log(Level.WARNING, "upload of {0} was abandoned: its server {1} has been silent for longer than {2,number,#} ms;"
                + " marked it FAILED", new Object[]{upload.fileId(), upload.uploadedBy(), graceMs});
        files.dropChunks(upload.fileId());
        dropAgain.put(upload.fileId(), now.plus(abandoned.grace()));
    }

    private void dropLateCopies(Instant now) {
        for (Iterator<Map.Entry<String, Instant>> due = dropAgain.entrySet().iterator(); due.hasNext(); ) {
            Map.Entry<String, Instant> entry = due.next();
            if (!entry.getValue().isAfter(now)) {
                files.dropChunks(entry.getKey());
                due.remove();
            }
        }
    }
}
