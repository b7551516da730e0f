package org.p2pstorage.catalog.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.p2pstorage.failure.entity.Failure;

class ChunkerTest {

    private static final int CHUNK = 65536;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65535, 65536, 65537, 2621440})
    void chunksReassembleToTheOriginalWithTheRightCountsAndChecksums(int size) throws Exception {
        byte[] original = random(size);
        List<Chunker.Chunk> chunks = new ArrayList<>();

        Chunker.Summary summary = Chunker.split(new ByteArrayInputStream(original), CHUNK, Long.MAX_VALUE, chunks::add);

        assertEquals(size, summary.size());
        assertEquals(Chunker.chunkCount(size, CHUNK), summary.chunks());
        assertEquals(summary.chunks(), chunks.size());
        assertEquals(sha256(original), summary.sha256());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            Chunker.Chunk chunk = chunks.get(i);
            assertEquals(i, chunk.index());
            assertEquals(i < chunks.size() - 1 ? CHUNK : size - (long) CHUNK * i, chunk.size());
            assertEquals(sha256(chunk.data()), chunk.sha256());
            joined.write(chunk.data());
        }
        assertArrayEquals(original, joined.toByteArray());
    }

    @Test
    void aStreamThatDeliversFewBytesAtATimeStillGivesFullChunks() throws Exception {
        byte[] original = random(200_000);
        InputStream trickle = new ByteArrayInputStream(original) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        List<Chunker.Chunk> chunks = new ArrayList<>();

        Chunker.split(trickle, CHUNK, Long.MAX_VALUE, chunks::add);

        assertEquals(List.of(65536, 65536, 65536, 3392), chunks.stream().map(Chunker.Chunk::size).toList());
    }

    @Test
    void moreThanTheMaximumIsRefusedAsTooLarge() {
        Failure refused = assertThrows(Failure.class,
                () -> Chunker.split(new ByteArrayInputStream(random(CHUNK + 1)), CHUNK, CHUNK, chunk -> { }));
        assertEquals(Failure.Kind.TOO_LARGE, refused.kind());
    }

    @Test
    void chunkCountRoundsUp() {
        assertEquals(0, Chunker.chunkCount(0, CHUNK));
        assertEquals(1, Chunker.chunkCount(1, CHUNK));
        assertEquals(1, Chunker.chunkCount(CHUNK, CHUNK));
        assertEquals(2, Chunker.chunkCount(CHUNK + 1, CHUNK));
        assertEquals(40, Chunker.chunkCount(2_621_440, CHUNK));
    }

    static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

}
