package org.p2pstorage.network.boundary;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.network.entity.StorageStatus;

/**
 * The Storage page: capacity, use and segments in total and per node (as {@code GET /api/storage/status}),
 * and the catalog's file counts, refreshed while the page is open.
 */
@Named
@ViewScoped
public class StorageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Network network;

    @EJB
    Files files;

    private StorageStatus storage;
    private FileTotals totals;

    @PostConstruct
    public void refresh() {
        storage = network.storage();
        totals = files.totals();
    }

    public StorageStatus getStorage() {
        return storage;
    }

    public FileTotals getTotals() {
        return totals;
    }
}
