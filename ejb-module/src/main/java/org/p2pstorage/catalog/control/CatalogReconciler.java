package org.p2pstorage.catalog.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.storage.entity.FileRecord;
import org.p2pstorage.storage.entity.HeldChunk;

/**
 * The catalog's side of a rebuild, one file per transaction: recreates a file the catalog lost from a
 * node's record of it and the chunks the nodes hold, or adds to an existing file's chunk map the copies
 * found on the nodes that it does not list.
 */
@Stateless
public class CatalogReconciler {

    @PersistenceContext
    EntityManager em;

    @Inject
    FolderRepository folders;

    /**
     * Recreates a lost file, owned by {@code owner} ({@code null}: nobody until there is an admin), marked
     * as recovered from {@code recoveredFrom} when its owner's account is gone; {@code held} maps each
     * chunk index to the nodes that hold it and what they hold. Returns the copies recorded.
     */
    public int recover(FileRecord record, String owner, String recoveredFrom, Map<Integer, Map<String, HeldChunk>> held) {
        String folderId = owner == null ? null : folders.ensurePath(owner, record.folderPath());
        int copies = held.values().stream().mapToInt(Map::size).sum();
        StoredFile file = StoredFile.recovered(record.fileId(), owner, recoveredFrom, record.name(), folderId,
                record.chunkSize(), record.replicas(), record.size(), record.sha256(), record.chunks(), copies,
                record.createdAt());
        em.persist(file);
        held.forEach((index, nodes) -> {
            HeldChunk first = nodes.values().iterator().next();
            FileChunk chunk = new FileChunk(file, index, (int) first.size(), first.sha256());
            em.persist(chunk);
            nodes.keySet().forEach(node -> em.persist(chunk.add(ChunkCopy.adopted(chunk, node))));
        });
        return copies;
    }

    /** Adds a copy found on a node to the file's chunk map, when the chunk is known and the copy is not. */
    public boolean adopt(String fileId, HeldChunk held, String nodeId) {
        Optional<FileChunk> chunk = em.createNamedQuery(FileChunk.FIND, FileChunk.class)
                .setParameter("fileId", fileId).setParameter("index", held.key().index()).getResultStream().findFirst();
        if (chunk.isEmpty() || chunk.get().hasCopyOn(nodeId) || !chunk.get().sha256().equals(held.sha256())) {
            return false;
        }
        em.persist(chunk.get().add(ChunkCopy.adopted(chunk.get(), nodeId)));
        return true;
    }

    /** The stored copies of the file's chunks, for checking each against what its node holds. */
    public List<ChunkCopy> storedCopies(String fileId) {
        return em.createNamedQuery(ChunkCopy.OF_FILE, ChunkCopy.class).setParameter("fileId", fileId)
                .getResultStream().filter(c -> c.state() == org.p2pstorage.catalog.entity.CopyState.STORED).toList();
    }
}
