package org.p2pstorage.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.p2pstorage.catalog.entity.ChunkSource;
import org.p2pstorage.catalog.entity.Download;

class ChunkSourcesTest {

    /** A catalog of a 600-chunk file that answers windows of 256 chunks and remembers where each started. */
    private static final class Catalog extends Downloads {
        final List<Integer> asked = new ArrayList<>();
        final int chunks;

        Catalog(int chunks) {
            this.chunks = chunks;
        }

        @Override
        public List<ChunkSource> sources(String fileId, int from) {
            asked.add(from);
            return IntStream.range(from, Math.min(chunks, from + WINDOW)).mapToObj(Catalog::source).toList();
        }

        static ChunkSource source(int index) {
            return new ChunkSource("f", index, 65536, "sha" + index, List.of("Node_01"));
        }
    }

    private static Download download(int chunks, int first) {
        return new Download("f", "big.bin", chunks * 65536L, "sha", chunks,
                IntStream.range(0, first).mapToObj(Catalog::source).toList());
    }

    @Test
    void theFirstWindowComesWithTheDownloadAndTheNextOnesWhenReached() {
        Catalog catalog = new Catalog(600);
        ChunkSources sources = new ChunkSources(catalog, download(600, 256));
        assertEquals(600, sources.size());
        for (int i = 0; i < 600; i++) {
            assertEquals(i, sources.get(i).index());
            sources.release(i);
        }
        assertEquals(List.of(256, 512), catalog.asked, "one read per window after the first, none per chunk");
    }

    @Test
    void aChunkBookedAheadOfTheWindowIsReadWithItsWindowOnce() {
        Catalog catalog = new Catalog(600);
        ChunkSources sources = new ChunkSources(catalog, download(600, 256));
        sources.get(260);
        sources.get(256);
        sources.get(300);
        assertEquals(List.of(260, 256), catalog.asked, "256 to 259 were not in the window read from 260");
    }

    @Test
    void aChunkGoneFromTheCatalogStopsTheDownload() {
        Catalog catalog = new Catalog(300);
        ChunkSources sources = new ChunkSources(catalog, download(600, 256));
        assertThrows(IllegalStateException.class, () -> sources.get(400));
    }
}
