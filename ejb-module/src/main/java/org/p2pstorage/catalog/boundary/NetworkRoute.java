package org.p2pstorage.catalog.boundary;

import java.util.List;
import java.util.Set;

import org.p2pstorage.catalog.control.Chunker.Chunk;
import org.p2pstorage.catalog.control.CopyRoute;
import org.p2pstorage.network.boundary.CopyPlacement;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.transfer.boundary.Links;

/**
 * An upload's route to the nodes, made of the other features' boundaries: the network's placement and
 * state, the transfer feature's links, and the file's records on its nodes. {@link Uploads} hands it to
 * each upload's flow, so that the flow (a control) reaches those features only through the boundary.
 */
record NetworkRoute(CopyPlacement placement, NetworkState network, Links links, FileRecords records) implements CopyRoute {

    @Override
    public List<String> place(int bytes, int copies) {
        return placement.place(bytes, copies, Set.of());
    }

    @Override
    public void release(String nodeId, int bytes) {
        placement.release(nodeId, bytes);
    }

    @Override
    public long holdBackNanos(String nodeId) {
        return links.holdBackNanos(nodeId);
    }

    @Override
    public long send(String nodeId, String fileId, Chunk chunk) {
        return links.sendChunk(nodeId, fileId, chunk.index(), chunk.sha256(), chunk.size()).arrivalNanos();
    }

    @Override
    public long available() {
        return network.available();
    }

    @Override
    public void sealed(String fileId) {
        records.keep(fileId);
    }
}
