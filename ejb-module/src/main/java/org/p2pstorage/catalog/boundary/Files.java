package org.p2pstorage.catalog.boundary;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.p2pstorage.account.entity.AdminRegistered;
import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.control.FileRecords;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.ChunkView;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.FileDetails;
import org.p2pstorage.catalog.entity.FileHealth;
import org.p2pstorage.catalog.entity.FileName;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.boundary.Network;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.transfer.boundary.Links;

/**
 * The files of a drive as records: list (with each file's health), describe (with the chunk map of every
 * copy), rename, move, delete. Every file belongs to the account that uploaded it; these take the
 * caller's name and treat another user's file exactly as one that does not exist.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Files {

    private static final Logger LOG = Logger.getLogger(Files.class.getName());

    @Inject
    CatalogRepository catalog;

    @Inject
    FileRecords records;

    @EJB
    Folders folders;

    @EJB
    Network network;

    @EJB
    Links links;

    public List<FileSummary> list(String owner) {
        return catalog.list(owner, network.liveNodes());
    }

    public FileDetails details(String owner, String fileId) {
        StoredFile file = owned(owner, fileId);
        Set<String> live = network.liveNodes();
        List<FileChunk> chunks = catalog.chunks(fileId);
        return FileDetails.of(file, health(file, chunks, live),
                chunks.stream().map(c -> ChunkView.of(c, live::contains, file.replicas())).toList());
    }

    private static FileHealth health(StoredFile file, List<FileChunk> chunks, Set<String> live) {
        return chunks.stream().map(c -> c.health(live::contains, file.replicas())).reduce(FileHealth.HEALTHY, FileHealth::and);
    }

    /** Gives the caller's file a new name, under the same rules as an upload's name. */
    public FileSummary rename(String owner, String fileId, String name) {
        owned(owner, fileId);
        FileSummary renamed = catalog.rename(fileId, validName(name));
        records.keep(fileId);
        return summary(owner, renamed);
    }

    /** Puts the caller's file in one of the caller's folders ({@code null} or empty: the top of the drive). */
    public FileSummary move(String owner, String fileId, String folderId) {
        owned(owner, fileId);
        FileSummary moved = catalog.move(fileId, folders.own(owner, folderId));
        records.keep(fileId);
        return summary(owner, moved);
    }

    /** The changed file's list line, with its health, without listing the whole drive. */
    private FileSummary summary(String owner, FileSummary changed) {
        StoredFile file = owned(owner, changed.fileId());
        return FileSummary.of(file, health(file, catalog.chunks(file.id()), network.liveNodes()));
    }

    /** The admin's account was registered: files without an owner (from before accounts, or recovered) go to it. */
    public void adoptOrphans(@Observes AdminRegistered admin) {
        int adopted = catalog.adopt(admin.username());
        if (adopted > 0) {
            LOG.log(Level.INFO, "{0} files without an owner now belong to {1}", new Object[]{adopted, admin.username()});
        }
    }

    public FileTotals totals() {
        return catalog.totals();
    }

    /** Removes the file: its copies from the nodes (freeing their room) and its rows from the catalog. */
    public void delete(String owner, String fileId) {
        StoredFile file = owned(owner, fileId);
        if (file.status() == FileStatus.TRANSFERRING) {
            throw new Failure(Failure.Kind.CONFLICT, "file " + fileId + " is still transferring; delete it once it is done");
        }
        dropChunks(fileId);
        catalog.remove(fileId);
        links.forget(fileId);
        LOG.log(Level.INFO, "file {0} deleted", fileId);
    }

    /** Drops from the nodes every copy of the file's chunks that they hold (idempotent). */
    public void dropChunks(String fileId) {
        for (ChunkCopy copy : catalog.copies(fileId)) {
            network.node(copy.nodeId()).delete(new ChunkKey(fileId, copy.chunkIndex()));
        }
    }

    private StoredFile owned(String owner, String fileId) {
        return catalog.owned(owner, fileId);
    }

    static String validName(String name) {
        return FileName.valid(name);
    }
}
