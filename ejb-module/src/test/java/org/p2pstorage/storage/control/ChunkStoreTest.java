package org.p2pstorage.storage.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.FileRecord;
import org.p2pstorage.storage.entity.ScrubVerdict;
import org.p2pstorage.storage.entity.StoreOutcome;

class ChunkStoreTest {

    @TempDir
    Path folder;

    @Test
    void aWrittenChunkIsAFileOnDiskAndCountsAsUsed() throws IOException {
        ChunkStore store = ChunkStore.open(folder, 1000);
        byte[] data = bytes(300);
        ChunkKey key = new ChunkKey("abc123", 7);

        assertEquals(StoreOutcome.STORED, store.write(key, data, Sha256.of(data), true));

        assertArrayEquals(data, Files.readAllBytes(folder.resolve("abc123_chunk_00007.bin")));
        assertEquals(300, store.used());
        assertEquals(1, store.segments());
        assertArrayEquals(data, store.read(key).orElseThrow());
    }

    @Test
    void aChunkSentByAnotherServerLeavesTheRoomReservedHereForOthersAlone() {
        ChunkStore store = ChunkStore.open(folder, 1000);
        assertTrue(store.reserve(300), "a chunk placed here, still on its way");
        byte[] remote = bytes(200);
        assertEquals(StoreOutcome.STORED, store.write(new ChunkKey("f", 0), remote, Sha256.of(remote), false));
        assertEquals(300, store.reserved(), "the other server promised that chunk's room on its own books");
        byte[] tooMuch = bytes(501);
        assertEquals(StoreOutcome.NO_ROOM, store.write(new ChunkKey("f", 1), tooMuch, Sha256.of(tooMuch), false),
                "200 used + 300 reserved + 501 > 1000");
    }

    @Test
    void capacityIsNeverExceededAndReservationsCount() {
        ChunkStore store = ChunkStore.open(folder, 1000);
        assertTrue(store.reserve(600));
        assertFalse(store.reserve(500), "600 reserved + 500 > 1000");
        byte[] big = bytes(600);
        assertEquals(StoreOutcome.STORED, store.write(new ChunkKey("f", 0), big, Sha256.of(big), true));
        assertEquals(0, store.reserved(), "the write used up its reservation");

        byte[] tooMuch = bytes(401);
        assertEquals(StoreOutcome.NO_ROOM, store.write(new ChunkKey("f", 1), tooMuch, Sha256.of(tooMuch), true));
        byte[] fits = bytes(400);
        assertEquals(StoreOutcome.STORED, store.write(new ChunkKey("f", 2), fits, Sha256.of(fits), true));
        assertEquals(1000, store.used());
    }

    @Test
    void aRedeliveredChunkIsStoredOnce() {
        ChunkStore store = ChunkStore.open(folder, 1000);
        byte[] data = bytes(100);
        ChunkKey key = new ChunkKey("f", 0);
        store.write(key, data, Sha256.of(data), true);

        assertEquals(StoreOutcome.STORED, store.write(key, data, Sha256.of(data), true));

        assertEquals(100, store.used());
        assertEquals(1, store.segments());
    }

    @Test
    void bytesThatDoNotMatchTheirChecksumAreRefused() {
        ChunkStore store = ChunkStore.open(folder, 1000);
        byte[] data = bytes(100);
        String wrong = Sha256.of(bytes(99));

        assertEquals(StoreOutcome.CORRUPT, store.write(new ChunkKey("f", 0), data, wrong, true));

        assertEquals(0, store.used());
        assertEquals(0, store.segments());
    }

    @Test
    void deleteFreesTheRoomAndTheFile() {
        ChunkStore store = ChunkStore.open(folder, 1000);
        byte[] data = bytes(250);
        ChunkKey key = new ChunkKey("f", 3);
        store.write(key, data, Sha256.of(data), true);

        assertEquals(250, store.delete(key));
        assertEquals(0, store.delete(key), "a second delete frees nothing");

        assertEquals(0, store.used());
        assertFalse(Files.exists(folder.resolve(key.fileName())));
    }

    @Test
    void reopeningRecountsFromDiskAndKeepsTheManifest() throws IOException {
        ChunkStore first = ChunkStore.open(folder, 10_000);
        for (int i = 0; i < 5; i++) {
            byte[] data = bytes(100 + i);
            first.write(new ChunkKey("file1", i), data, Sha256.of(data), true);
        }
        first.delete(new ChunkKey("file1", 2));
        Files.writeString(folder.resolve("file1_chunk_00009.bin.tmp"), "half-written");

        ChunkStore reopened = ChunkStore.open(folder, 10_000);

        assertEquals(100 + 101 + 103 + 104, reopened.used());
        assertEquals(4, reopened.segments());
        assertFalse(Files.exists(folder.resolve("file1_chunk_00009.bin.tmp")), "leftover temp files are cleared");
        try (Stream<String> lines = Files.lines(folder.resolve(ChunkStore.MANIFEST))) {
            assertEquals(4, lines.filter(l -> l.startsWith("PUT ")).count(), "the manifest lists what is held");
        }
        assertTrue(reopened.holds(new ChunkKey("file1", 4), 104));
        assertFalse(reopened.holds(new ChunkKey("file1", 2), 102));
    }

    @Test
    void aChunkFileWithoutAManifestEntryIsStillCounted() throws IOException {
        Files.write(folder.resolve("lost_chunk_00000.bin"), bytes(42));

        ChunkStore store = ChunkStore.open(folder, 1000);

        assertEquals(42, store.used());
        assertTrue(store.holds(new ChunkKey("lost", 0), 42));
    }

    private static byte[] bytes(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    @Test
    void fileRecordsSurviveAReopenAsLongAsTheNodeHoldsChunksOfTheirFile() throws IOException {
        ChunkStore store = ChunkStore.open(folder, 10_000);
        byte[] data = bytes(100);
        store.write(new ChunkKey("f00d", 0), data, Sha256.of(data), true);
        FileRecord kept = new FileRecord("f00d", "alice", "a.txt", "Docs", 100, Sha256.of(data), 65536, 1, 2,
                java.time.Instant.ofEpochMilli(1000));
        FileRecord gone = new FileRecord("beef", "bob", "b.txt", null, 5, Sha256.of(data), 65536, 1, 2,
                java.time.Instant.ofEpochMilli(2000));
        store.record(kept);
        store.record(kept);
        store.record(gone);

        ChunkStore reopened = ChunkStore.open(folder, 10_000);

        assertEquals(java.util.List.of(kept), reopened.records(), "the record of a file with no chunk here is dropped");
        assertEquals(1, reopened.held().size());
        assertEquals(Sha256.of(data), reopened.held().get(0).sha256());
    }

    @Test
    void verifyFindsAFlippedBitAndAMissingFile() throws IOException {
        ChunkStore store = ChunkStore.open(folder, 10_000);
        byte[] data = bytes(200);
        ChunkKey good = new ChunkKey("aa", 0);
        ChunkKey flipped = new ChunkKey("aa", 1);
        ChunkKey lost = new ChunkKey("aa", 2);
        for (ChunkKey key : new ChunkKey[]{good, flipped, lost}) {
            store.write(key, data, Sha256.of(data), true);
        }
        byte[] changed = data.clone();
        changed[17] ^= 0x04;
        Files.write(folder.resolve(flipped.fileName()), changed);
        Files.delete(folder.resolve(lost.fileName()));

        assertEquals(ScrubVerdict.GOOD, store.verify(good));
        assertEquals(ScrubVerdict.DAMAGED, store.verify(flipped));
        assertEquals(ScrubVerdict.DAMAGED, store.verify(lost));
        assertEquals(ScrubVerdict.GONE, store.verify(new ChunkKey("aa", 9)));
    }
}
