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
import org.p2pstorage.catalog.control.ChunkMaps;
import org.p2pstorage.catalog.control.FilePages;
import org.p2pstorage.catalog.entity.ChunkCensus;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.ChunkView;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.FileDetails;
import org.p2pstorage.catalog.entity.FileHealth;
import org.p2pstorage.catalog.entity.FileLine;
import org.p2pstorage.catalog.entity.FileListing;
import org.p2pstorage.catalog.entity.FileName;
import org.p2pstorage.catalog.entity.FilePage;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.boundary.Nodes;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.transfer.boundary.Links;

/**
 * The files of a drive as records: list a page (with each file's health), describe (with the chunk map of every
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

    @Inject
    FilePages pages;

    @Inject
    ChunkMaps chunkMaps;

    @EJB
    Folders folders;

    @EJB
    NetworkState networkState;

    @EJB
    Nodes nodes;

    @EJB
    Links links;

    /** Every file of the caller's drive, newest first (for the callers that show a whole drive). */
    public List<FileSummary> list(String owner) {
        return catalog.list(owner, networkState.liveNodes());
    }

    /** One page of the caller's files, sorted and cut by the database, with the health of that page's files. */
    public FilePage page(String owner, FileListing listing) {
        return pages.page(owner, listing, networkState.liveNodes());
    }

    /** These files of the caller (others are left out), in this order, with their health. */
    public List<FileSummary> summaries(String owner, List<String> fileIds) {
        return pages.summaries(owner, fileIds, networkState.liveNodes());
    }

    /** The caller's files whose upload still runs. */
    public List<FileSummary> transferring(String owner) {
        return pages.transferring(owner);
    }

    /** Every file of the caller as a line to search by name (no health: the page found is read in full). */
    public List<FileLine> lines(String owner) {
        return pages.lines(owner);
    }

    /** The bytes the caller's files take. */
    public long bytes(String owner) {
        return pages.bytes(owner);
    }

    /** The caller's file with its whole chunk map. */
    public FileDetails details(String owner, String fileId) {
        return details(owner, fileId, 0, Integer.MAX_VALUE);
    }

    /**
     * The caller's file with a window of its chunk map ({@code count} chunks from the {@code from}th): a
     * grouped query for its health and two for the window, whatever the file's size.
     */
    public FileDetails details(String owner, String fileId, int from, int count) {
        StoredFile file = owned(owner, fileId);
        Set<String> live = networkState.liveNodes();
        FileHealth health = pages.health(List.of(file), live).get(file.id());
        List<ChunkView> map = count <= 0 ? List.of() : chunkMaps.window(fileId, from, count, live::contains, file.replicas());
        return FileDetails.of(file, health, chunkMaps.settledChunks(fileId), from, map);
    }

    /** The caller's file's chunk map counted: chunks by health, copies by node and on their way. */
    public ChunkCensus census(String owner, String fileId) {
        StoredFile file = owned(owner, fileId);
        return chunkMaps.census(fileId, file.chunkCount(), networkState.liveNodes(), file.replicas());
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
        return pages.summaries(owner, List.of(changed.fileId()), networkState.liveNodes()).stream().findFirst()
                .orElseThrow(() -> Failure.notFound("no file with id " + changed.fileId()));
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
            nodes.delete(copy.nodeId(), new ChunkKey(fileId, copy.chunkIndex()));
        }
    }

    private StoredFile owned(String owner, String fileId) {
        return catalog.owned(owner, fileId);
    }

    /**
     * One chunk of a catalogued file, whoever owns it: what an admin's segment call (remote's {@code Segments})
     * checks a segment against, asked here rather than in the catalog's repository.
     */
    public Optional<FileChunk> chunk(String fileId, int index) {
        return catalog.chunk(fileId, index);
    }

    static String validName(String name) {
        return FileName.valid(name);
    }
}
