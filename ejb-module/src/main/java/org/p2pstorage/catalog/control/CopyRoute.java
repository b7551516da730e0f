package org.p2pstorage.catalog.control;

import java.util.List;

import org.p2pstorage.catalog.control.Chunker.Chunk;

/**
 * What an upload needs of the other features on its way to the nodes: room for a chunk's copies (the
 * network's placement), the links' horizon and bookings (the transfer feature's link model), the room
 * left, and the file's record on its nodes once it is sealed. {@link UploadFlow} is flow control over this
 * route; the boundary that starts an upload ({@code Uploads}) gives it one made of those features'
 * boundaries, so that the flow, a control, calls no boundary itself.
 */
public interface CopyRoute {

    /** Reserves room for {@code copies} copies of {@code bytes} on distinct live nodes; empty when they do not fit. */
    List<String> place(int bytes, int copies);

    /** Gives back the room of a copy that was placed but is not sent. */
    void release(String nodeId, int bytes);

    /** How long a sender should hold back before booking the next chunk to this node (0: go). */
    long holdBackNanos(String nodeId);

    /** Books one copy of the chunk on the node's link; answers when it arrives ({@link System#nanoTime} based). */
    long send(String nodeId, String fileId, Chunk chunk);

    /** Bytes the live nodes can still take (for the refusal's message). */
    long available();

    /** The file is sealed: its record goes onto every node that holds one of its chunks. */
    void sealed(String fileId);
}
