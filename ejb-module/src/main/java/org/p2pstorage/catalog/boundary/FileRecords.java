package org.p2pstorage.catalog.boundary;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.control.FolderRepository;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.boundary.Nodes;
import org.p2pstorage.storage.entity.FileRecord;

/**
 * Writes a file's record into the manifest of every node that holds one of its chunks, so that the
 * catalog can be rebuilt from the nodes if it is lost: at the end of its upload, when it is renamed or
 * moved, and on the node that receives a repair copy.
 * <p>
 * A boundary, not a control: it is one step of the catalog's use cases that goes across to the network
 * feature (the catalog's rows, written to the nodes through {@link Nodes}), with no logic beyond building the
 * record. It is public only because a session bean must be; only this package's boundaries use it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FileRecords {

    private static final Logger LOG = Logger.getLogger(FileRecords.class.getName());

    @Inject
    CatalogRepository catalog;

    @Inject
    FolderRepository folders;

    @EJB
    Nodes nodes;

    /** Records the file on every node that holds (or is about to hold) one of its copies. */
    public void keep(String fileId) {
        catalog.find(fileId).filter(StoredFile::sealed).ifPresent(file -> {
            Set<String> nodes = new LinkedHashSet<>();
            catalog.copies(fileId).stream().map(ChunkCopy::nodeId).forEach(nodes::add);
            FileRecord record = record(file);
            nodes.forEach(node -> keepOn(node, record));
        });
    }

    /** Records the file on one node (after a repair copy landed there). */
    public void keep(String fileId, String nodeId) {
        catalog.find(fileId).filter(StoredFile::sealed).ifPresent(file -> keepOn(nodeId, record(file)));
    }

    private FileRecord record(StoredFile file) {
        return new FileRecord(file.id(), file.owner(), file.name(), folders.path(file.folderId()), file.size(),
                file.sha256(), file.chunkSize(), file.chunkCount(), file.replicas(), file.createdAt());
    }

    private void keepOn(String nodeId, FileRecord record) {
        try {
            nodes.record(nodeId, record);
        } catch (Failure e) {
            LOG.log(Level.WARNING, "{0} could not record file {1}: {2}", new Object[]{nodeId, record.fileId(), e.getMessage()});
        }
    }
}
