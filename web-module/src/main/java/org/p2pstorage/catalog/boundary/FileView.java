package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.entity.ChunkCensus;
import org.p2pstorage.catalog.entity.FileDetails;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.entity.NodeView;
import org.primefaces.PrimeFaces;

/**
 * File details: size, SHA-256, dates, the file's actions (download, rename, delete) and the chunk map:
 * every copy of every chunk by node, the copies still on their way, and each chunk's health; choosing a
 * node highlights its copies. Reads {@link Files#details} and {@link NetworkState#views}, as
 * {@code GET /api/files/{id}} and {@code GET /api/network/nodes} do. A file of thousands of chunks shows
 * its map {@value #WINDOW} chunks at a time (with the counts of the whole map from {@link Files#census}),
 * so the page never holds the whole map.
 */
@Named
@ViewScoped
public class FileView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The chunks the map shows at once. */
    static final int WINDOW = 512;

    @EJB
    Files files;

    @EJB
    Downloads downloads;

    @EJB
    NetworkState networkState;

    @Inject
    Client client;

    private String id;
    private FileDetails details;
    private List<ChunkCopies> chunks = List.of();
    private ChunkCensus census;
    private int from;
    private List<NodeView> nodes = List.of();
    private final Map<String, Integer> colours = new HashMap<>();
    private String highlighted;
    private String newName;

    /** Loads the file (on the first request and on every poll while it transfers). */
    public void load() {
        details = FacesFailures.attempt(() -> files.details(client.username(), id, from, WINDOW));
        census = details == null ? null : FacesFailures.attempt(() -> files.census(client.username(), id));
        chunks = details == null ? List.of() : ChunkCopies.of(details);
        nodes = networkState.views();
        for (int i = 0; i < nodes.size(); i++) {
            colours.put(nodes.get(i).id(), i % 8);
        }
    }

    public void download() {
        if (details != null) {
            FileActions.download(downloads, client.username(), id, details.name());
        }
    }

    public void startRename() {
        newName = details == null ? null : details.name();
    }

    public void rename() {
        FileSummary renamed = FacesFailures.attempt(() -> files.rename(client.username(), id, newName));
        if (renamed != null) {
            if (!FileActions.sayIfChanged(newName, renamed.name())) {
                FacesFailures.info("renamed to " + renamed.name());
            }
            PrimeFaces.current().ajax().addCallbackParam("renamed", true);
        }
        load();
    }

    /** Deletes the file and goes back to My Drive, which says so. */
    public void delete() throws IOException {
        String name = details == null ? "the file" : details.name();
        if (FacesFailures.perform(() -> files.delete(client.username(), id))) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().getFlash().setKeepMessages(true);
            FacesFailures.info(name + " deleted");
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + "/catalog/drive.xhtml");
        }
    }

    public void highlight(String nodeId) {
        highlighted = nodeId.equals(highlighted) ? null : nodeId;
    }

    public int colour(String nodeId) {
        return colours.getOrDefault(nodeId, 7);
    }

    public String copyClass(ChunkCopies.Copy copy) {
        return "copy-cell node-" + colour(copy.node()) + " state-" + copy.state()
                + (highlighted != null && !highlighted.equals(copy.node()) ? " dim" : "");
    }

    /** How many copies a node holds of this file, and how many of them are still on their way. */
    public String copiesLabel(String nodeId) {
        long held = census == null ? 0 : census.copiesByNode().getOrDefault(nodeId, 0);
        long pending = census == null ? 0 : census.inFlightByNode().getOrDefault(nodeId, 0);
        return held + (held == 1 ? " copy" : " copies") + (pending > 0 ? ", " + pending + " in flight" : "");
    }

    /** "16 chunks of 64 KB each", with the last one's size when it is smaller. */
    public String getChunksText() {
        if (details == null || details.chunks() == 0) {
            return "no chunks";
        }
        String each = details.chunks() + (details.chunks() == 1 ? " chunk" : " chunks");
        return each + " of up to " + org.p2pstorage.configuration.entity.DataSize.format(details.chunkSize()) + " each";
    }

    /** The word on the title's badge: uploading, failed, or the file's health. */
    public String getBadge() {
        if (details == null) {
            return "";
        }
        return switch (details.status()) {
            case "TRANSFERRING" -> "uploading";
            case "FAILED" -> "failed";
            default -> details.health() == null ? "unavailable" : details.health();
        };
    }

    public String getHealthText() {
        return switch (getBadge()) {
            case "healthy" -> "healthy: every chunk has all its copies on live nodes";
            case "degraded" -> "degraded: some chunks have fewer copies than they should; it still downloads, and repair restores them";
            case "unavailable" -> "unavailable: some chunk has no copy on a live node, so it cannot be downloaded until a node comes back";
            case "uploading" -> "not stored yet: its copies are on their way";
            default -> "the upload failed" + (details.failure() == null ? "" : ": " + details.failure());
        };
    }

    public long count(String health) {
        return census == null ? 0 : census.count(health);
    }

    public long getCopiesInFlight() {
        return census == null ? 0 : census.copiesInFlight();
    }

    /** Whether the map has more chunks than one window shows. */
    public boolean isPaged() {
        return details != null && details.chunks() > WINDOW;
    }

    /** "Chunks 512–1,023 of 16,384". */
    public String getWindowText() {
        int last = details == null ? 0 : Math.min(details.chunks(), from + WINDOW) - 1;
        return String.format(java.util.Locale.ROOT, "Chunks %,d–%,d of %,d", from, last, details == null ? 0 : details.chunks());
    }

    public boolean isFirstWindow() {
        return from == 0;
    }

    public boolean isLastWindow() {
        return details == null || from + WINDOW >= details.chunks();
    }

    public void previousWindow() {
        from = Math.max(0, from - WINDOW);
        load();
    }

    public void nextWindow() {
        if (!isLastWindow()) {
            from += WINDOW;
        }
        load();
    }

    public String state(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).map(NodeView::state).findFirst().orElse("?");
    }

    public boolean isTransferring() {
        return details != null && "TRANSFERRING".equals(details.status());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public FileDetails getDetails() {
        return details;
    }

    public List<ChunkCopies> getChunks() {
        return chunks;
    }

    public List<NodeView> getNodes() {
        return nodes;
    }

    public String getHighlighted() {
        return highlighted;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
