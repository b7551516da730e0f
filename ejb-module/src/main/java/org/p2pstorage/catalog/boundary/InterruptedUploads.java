package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.network.boundary.HostedNodes;

/**
 * At start, fails the uploads that a stop cut off before all their chunks were sent: nobody is left to
 * send the rest. Their stored chunks are dropped. Uploads that were fully sent finish by themselves,
 * because their chunks and acknowledgements are persistent messages.
 */
@Singleton
@Startup
@DependsOn("HostedNodes")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InterruptedUploads {

    private static final Logger LOG = Logger.getLogger(InterruptedUploads.class.getName());

    @Inject
    CatalogRepository catalog;

    @EJB
    Files files;

    @EJB
    HostedNodes hostedNodes;

    @PostConstruct
    void failCutOffUploads() {
        dropBacklogs(hostedNodes.dataFolder().resolve("staging"));
        for (StoredFile file : catalog.unsealed(hostedNodes.hosting().serverId())) { // not other servers' uploads
            LOG.log(Level.WARNING, "upload of {0} was interrupted by a stop; marking it FAILED", file.id());
            catalog.fail(file.id(), "the upload was interrupted by a server stop");
            files.dropChunks(file.id());
        }
    }

    /** The chunks that waited on disk for the links belonged to uploads that are now failed. */
    private static void dropBacklogs(Path staging) {
        if (!java.nio.file.Files.isDirectory(staging)) {
            return;
        }
        try (Stream<Path> backlogs = java.nio.file.Files.list(staging)) {
            for (Path backlog : backlogs.toList()) {
                java.nio.file.Files.deleteIfExists(backlog);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "could not empty " + staging);
        }
    }
}
