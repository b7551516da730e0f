package org.p2pstorage.catalog.boundary;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.boundary.Accounts;
import org.p2pstorage.catalog.control.CatalogReconciler;
import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.control.CopyRepository;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.RebuildReport;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.network.boundary.HostedNodes;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.boundary.Nodes;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.FileRecord;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.storage.entity.NodeManifest;
import org.p2pstorage.storage.entity.NodeStatus;

/**
 * Rebuilds the catalog from the nodes. Each node's manifest lists the chunks it holds and the records of
 * their files, which is enough to recreate a lost file with its chunk map. At start, an empty catalog
 * beside nodes full of chunks is rebuilt at once; an admin can reconcile at any time: copies on disk that
 * the map does not list are added, chunk files no file claims are removed, and copies the map lists but
 * no live node holds are dropped (repair then makes new ones). Accounts are not on the nodes: a file whose
 * owner's account is gone (or is a newer account with the same name) goes to the admin, marked recovered.
 */
@Singleton
@Startup
@DependsOn({"HostedNodes", "InterruptedUploads"})
@DeclareRoles("admin")
@PermitAll // WildFly denies the unannotated methods of a bean that has @RolesAllowed on some
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogRebuild {

    private static final Logger LOG = Logger.getLogger(CatalogRebuild.class.getName());

    @Inject
    CatalogRepository catalog;

    @Inject
    CatalogReconciler reconciler;

    @Inject
    CopyRepository copies;

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @EJB
    Nodes nodes;

    @EJB
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "p2p.admin")
    Optional<String> configuredAdmin;

    @PostConstruct
    void atStart() {
        if (catalog.fileCount() == 0 && networkState.statuses().stream().anyMatch(s -> s.segments() > 0)) {
            LOG.warning("the catalog is empty but the nodes hold chunks: rebuilding it from the nodes");
            RebuildReport report = rebuild();
            LOG.log(Level.INFO, "catalog rebuilt: {0}", report);
        }
    }

    /** Admins only: reconciles the catalog with what the nodes hold, and tells what it did. */
    @RolesAllowed("admin")
    public synchronized RebuildReport rebuild() {
        Map<String, FileRecord> records = new HashMap<>();
        Map<String, Map<Integer, Map<String, HeldChunk>>> held = new HashMap<>();
        Map<String, Set<ChunkKey>> onNode = new HashMap<>();
        for (NodeStatus status : networkState.hostedStatuses()) { // in a deployment of several servers, each rebuilds from its own nodes
            NodeManifest manifest = hostedNodes.node(status.id()).manifest();
            manifest.files().forEach(r -> records.putIfAbsent(r.fileId(), r));
            Set<ChunkKey> keys = new HashSet<>();
            for (HeldChunk chunk : manifest.chunks()) {
                keys.add(chunk.key());
                held.computeIfAbsent(chunk.key().fileId(), f -> new TreeMap<>())
                        .computeIfAbsent(chunk.key().index(), i -> new HashMap<>()).put(status.id(), chunk);
            }
            onNode.put(status.id(), keys);
        }
        long recovered = 0;
        long adopted = 0;
        long orphans = 0;
        long incomplete = 0;
        for (Map.Entry<String, Map<Integer, Map<String, HeldChunk>>> file : held.entrySet()) {
            Optional<StoredFile> known = catalog.find(file.getKey());
            FileRecord record = records.get(file.getKey());
            if (known.isPresent()) {
                adopted += known.get().status() == FileStatus.AVAILABLE ? adoptCopies(file.getKey(), file.getValue()) : 0;
            } else if (record != null && complete(record, file.getValue())) {
                adopted += recover(record, file.getValue());
                recovered++;
            } else if (record != null) {
                incomplete++;
                LOG.log(Level.WARNING, "file {0} ({1}) cannot be recovered: the nodes hold {2} of its {3} chunks",
                        new Object[]{record.fileId(), record.name(), file.getValue().size(), record.chunks()});
            } else {
                orphans += removeOrphan(file.getKey(), file.getValue());
            }
        }
        long dropped = dropVanished(onNode);
        return new RebuildReport(recovered, adopted, orphans, dropped, incomplete, Instant.now());
    }

    private static boolean complete(FileRecord record, Map<Integer, Map<String, HeldChunk>> chunks) {
        for (int i = 0; i < record.chunks(); i++) {
            if (!chunks.containsKey(i)) {
                return false;
            }
        }
        return chunks.size() == record.chunks();
    }

    private int recover(FileRecord record, Map<Integer, Map<String, HeldChunk>> chunks) {
        String owner = record.owner();
        boolean sameAccount = owner != null && accounts.registeredAt(owner)
                .map(since -> !since.isAfter(record.createdAt())).orElse(false);
        if (sameAccount || owner == null) {
            return reconciler.recover(record, owner, null, chunks);
        }
        String admin = configuredAdmin.filter(a -> !a.isBlank()).or(accounts::adminName).orElse(null);
        LOG.log(Level.INFO, "file {0}: its owner''s account {1} is gone; it goes to the admin, marked recovered",
                new Object[]{record.fileId(), owner});
        return reconciler.recover(record, admin, owner, chunks);
    }

    private long adoptCopies(String fileId, Map<Integer, Map<String, HeldChunk>> chunks) {
        long adopted = 0;
        for (Map<String, HeldChunk> nodes : chunks.values()) {
            for (Map.Entry<String, HeldChunk> node : nodes.entrySet()) {
                adopted += reconciler.adopt(fileId, node.getValue(), node.getKey()) ? 1 : 0;
            }
        }
        return adopted;
    }

    private long removeOrphan(String fileId, Map<Integer, Map<String, HeldChunk>> chunks) {
        long removed = 0;
        for (Map<String, HeldChunk> nodes : chunks.values()) {
            for (Map.Entry<String, HeldChunk> node : nodes.entrySet()) {
                this.nodes.delete(node.getKey(), node.getValue().key());
                removed++;
            }
        }
        LOG.log(Level.INFO, "removed {0} chunk files of {1}, which no file claims", new Object[]{removed, fileId});
        return removed;
    }

    /** Drops from the map the stored copies that their (live) node does not hold. */
    private long dropVanished(Map<String, Set<ChunkKey>> onNode) {
        long dropped = 0;
        for (String node : networkState.liveNodes()) {
            Set<ChunkKey> keys = onNode.getOrDefault(node, Set.of());
            for (ChunkCopy copy : copies.storedOn(node)) {
                ChunkKey key = new ChunkKey(copy.fileId(), copy.chunkIndex());
                if (!keys.contains(key) && copies.drop(copy.fileId(), copy.chunkIndex(), node)) {
                    dropped++;
                }
            }
        }
        return dropped;
    }
}
