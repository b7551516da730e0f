package org.p2pstorage.catalog.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

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

/**
 * At start, fails the uploads that a stop cut off before all their chunks were sent: nobody is left to
 * send the rest. Their stored chunks are dropped. Uploads that were fully sent finish by themselves,
 * because their chunks and acknowledgements are persistent messages.
 */
@Singleton
@Startup
@DependsOn("Network")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InterruptedUploads {

    private static final Logger LOG = Logger.getLogger(InterruptedUploads.class.getName());

    @Inject
    CatalogRepository catalog;

    @EJB
    Files files;

    @PostConstruct
    void failCutOffUploads() {
        for (StoredFile file : catalog.unsealed()) {
            LOG.log(Level.WARNING, "upload of {0} was interrupted by a stop; marking it FAILED", file.id());
            catalog.fail(file.id(), "the upload was interrupted by a server stop");
            files.dropChunks(file.id());
        }
    }
}
