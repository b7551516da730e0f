package org.p2pstorage.catalog.boundary;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.entity.ChunkView;
import org.p2pstorage.catalog.entity.FileDetails;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.p2pstorage.network.boundary.Network;
import org.p2pstorage.network.entity.NodeView;

/**
 * File details: size, SHA-256, dates and the chunk map, every chunk coloured by the node that holds it
 * with the node's state; choosing a node highlights its chunks. Reads {@link Files#details} and
 * {@link Network#views}, as {@code GET /api/files/{id}} and {@code GET /api/network/nodes} do.
 */
@Named
@ViewScoped
public class FileView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Files files;

    @EJB
    Network network;

    @Inject
    Client client;

    private String id;
    private FileDetails details;
    private List<NodeView> nodes = List.of();
    private final Map<String, Integer> colours = new HashMap<>();
    private String highlighted;

    /** Loads the file (on the first request and on every poll while it transfers). */
    public void load() {
        details = FacesFailures.attempt(() -> files.details(client.username(), id));
        nodes = network.views();
        for (int i = 0; i < nodes.size(); i++) {
            colours.put(nodes.get(i).id(), i % 8);
        }
    }

    public void highlight(String nodeId) {
        highlighted = nodeId.equals(highlighted) ? null : nodeId;
    }

    public int colour(String nodeId) {
        return colours.getOrDefault(nodeId, 7);
    }

    public String cellClass(ChunkView chunk) {
        return "chunk node-" + colour(chunk.node())
                + (highlighted != null && !highlighted.equals(chunk.node()) ? " dim" : "")
                + ("STORED".equals(chunk.state()) ? "" : " pending");
    }

    /** The nodes that hold chunks of this file, with how many each holds. */
    public long chunksOn(String nodeId) {
        return details == null ? 0 : details.chunkMap().stream().filter(c -> c.node().equals(nodeId)).count();
    }

    public String chunksLabel(String nodeId) {
        long chunks = chunksOn(nodeId);
        return chunks + (chunks == 1 ? " chunk" : " chunks");
    }

    public String state(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).map(NodeView::state).findFirst().orElse("?");
    }

    public String health(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).map(NodeView::health).findFirst().orElse("?");
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

    public List<NodeView> getNodes() {
        return nodes;
    }

    public String getHighlighted() {
        return highlighted;
    }
}
