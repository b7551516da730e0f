package org.p2pstorage.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoredFileTest {

    @Test
    void availableOnlyWhenSealedAndEveryChunkIsAcknowledged() {
        StoredFile file = new StoredFile("f1", "alice", "a.txt", 65536, -1, 1);
        file.chunkSent(1);
        file.chunkSent(1);
        file.acknowledge(true, null);
        file.acknowledge(true, null);
        assertEquals(FileStatus.TRANSFERRING, file.status(), "not sealed yet: more chunks may come");

        file.seal(100_000, "ab".repeat(32), 2);

        assertEquals(FileStatus.AVAILABLE, file.status());
        assertTrue(file.settled());
    }

    @Test
    void sealedFirstBecomesAvailableWithTheLastAcknowledgement() {
        StoredFile file = new StoredFile("f2", "alice", "b.txt", 65536, -1, 1);
        file.chunkSent(1);
        file.chunkSent(1);
        file.seal(100_000, "ab".repeat(32), 2);
        file.acknowledge(true, null);
        assertEquals(FileStatus.TRANSFERRING, file.status());
        file.acknowledge(true, null);
        assertEquals(FileStatus.AVAILABLE, file.status());
    }

    @Test
    void oneRefusedChunkFailsTheFileForGood() {
        StoredFile file = new StoredFile("f3", "alice", "c.txt", 65536, -1, 1);
        file.chunkSent(1);
        file.chunkSent(1);
        file.acknowledge(false, "chunk 0 could not be stored: Node_01 had no room for it");
        file.acknowledge(true, null);
        file.seal(100_000, "ab".repeat(32), 2);

        assertEquals(FileStatus.FAILED, file.status());
        assertEquals("chunk 0 could not be stored: Node_01 had no room for it", file.failure());
        assertTrue(file.settled());
    }

    @Test
    void anEmptyFileIsAvailableAsSoonAsItIsSealed() {
        StoredFile file = new StoredFile("f4", "alice", "empty", 65536, -1, 1);
        file.seal(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0);
        assertEquals(FileStatus.AVAILABLE, file.status());
    }

    @Test
    void theSealMustCountTheChunksThatWereSent() {
        StoredFile file = new StoredFile("f5", "alice", "d", 65536, -1, 1);
        file.chunkSent(1);
        assertThrows(IllegalStateException.class, () -> file.seal(10, "ab".repeat(32), 2));
        assertFalse(file.sealed());
    }

    @Test
    void belongsOnlyToItsOwner() {
        StoredFile file = new StoredFile("f6", "alice", "e", 65536, -1, 1);
        assertTrue(file.ownedBy("alice"));
        assertFalse(file.ownedBy("bob"));
        assertFalse(file.ownedBy(null));
    }

    @Test
    void withTwoReplicasEveryCopyMustBeAcknowledged() {
        StoredFile file = new StoredFile("f7", "alice", "r.bin", 65536, -1, 2);
        file.chunkSent(2);
        file.chunkSent(2);
        file.seal(100_000, "ab".repeat(32), 2);
        file.acknowledge(true, null);
        file.acknowledge(true, null);
        file.acknowledge(true, null);
        assertEquals(FileStatus.TRANSFERRING, file.status(), "three of four copies");
        assertEquals(4, file.expectedCopies());
        file.acknowledge(true, null);
        assertEquals(FileStatus.AVAILABLE, file.status());
    }

    @Test
    void aCopyWithdrawnForLackOfANodeIsNoLongerAwaited() {
        StoredFile file = new StoredFile("f8", "alice", "w.bin", 65536, -1, 2);
        file.chunkSent(2);
        file.seal(10, "ab".repeat(32), 1);
        file.acknowledge(true, null);
        file.copyWithdrawn();
        assertEquals(FileStatus.AVAILABLE, file.status());
        assertEquals(2, file.replicas(), "the file still wants two copies: repair adds the missing one");
    }

    @Test
    void aFileNeedsOneCopyAtLeast() {
        assertThrows(IllegalArgumentException.class, () -> new StoredFile("f9", "alice", "z", 65536, -1, 0));
    }
}
