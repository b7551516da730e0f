package org.p2pstorage.catalog.boundary;

import java.util.List;

import org.p2pstorage.catalog.entity.ChunkSource;
import org.p2pstorage.catalog.entity.Download;

/**
 * Where each chunk of one download is read, loaded from the catalog a window at a time as the download
 * reaches it (the first window came with the checked {@link Download}), and let go once written. One
 * download's reader uses it from one thread at a time.
 */
public final class ChunkSources {

    private final Downloads downloads;
    private final Download download;
    private final ChunkSource[] sources;

    /** {@code downloads}: the boundary as the container hands it out (the catalog is read through it). */
    public ChunkSources(Downloads downloads, Download download) {
        this.downloads = downloads;
        this.download = download;
        this.sources = new ChunkSource[download.chunkCount()];
        List<ChunkSource> first = download.firstChunks();
        for (int i = 0; i < first.size() && i < sources.length; i++) {
            sources[i] = first.get(i);
        }
    }

    public int size() {
        return sources.length;
    }

    /** The chunk's source, read with the next window of chunks when it is not loaded yet. */
    public ChunkSource get(int index) {
        if (sources[index] == null) {
            List<ChunkSource> window = downloads.sources(download.fileId(), index);
            for (int i = 0; i < window.size() && index + i < sources.length; i++) {
                sources[index + i] = window.get(i);
            }
            if (sources[index] == null) {
                throw new IllegalStateException("chunk " + index + " of " + download.fileId() + " is no longer in the catalog");
            }
        }
        return sources[index];
    }

    /** The chunk was written: its source is not needed any more. */
    public void release(int index) {
        sources[index] = null;
    }
}
