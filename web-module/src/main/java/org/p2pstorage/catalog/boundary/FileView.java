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

    /** One cell of the map: one copy of one chunk. */
    public record Cell(int index, int size, String node, String state, String chunkHealth) {
    }

    /** Every copy of every chunk, chunk by chunk. */
    public List<Cell> getCells() {
        return details == null ? List.of() : details.chunkMap().stream()
                .flatMap(c -> c.copies().stream().map(copy -> new Cell(c.index(), c.size(), copy.node(), copy.state(), c.health())))
                .toList();
    }

    public String cellClass(Cell cell) {
        return "chunk node-" + colour(cell.node())
                + (highlighted != null && !highlighted.equals(cell.node()) ? " dim" : "")
                + ("STORED".equals(cell.state()) ? "" : " pending");
    }

    /** How many copies of this file's chunks the node holds. */
    public long chunksOn(String nodeId) {
        return details == null ? 0 : details.chunkMap().stream()
                .flatMap(c -> c.copies().stream()).filter(c -> c.node().equals(nodeId)).count();
    }

    public String chunksLabel(String nodeId) {
        long chunks = chunksOn(nodeId);
        return chunks + (chunks == 1 ? " copy" : " copies");
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
