package org.p2pstorage.catalog.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2pstorage.catalog.control.Chunker.Chunk;
import org.p2pstorage.integrity.entity.Sha256;

class UploadBacklogTest {

    @TempDir
    Path folder;

    @Test
    void chunksComeBackInOrderWithTheirBytesAndChecksums() throws IOException {
        try (UploadBacklog backlog = UploadBacklog.create(folder, "f1")) {
            Chunk first = chunk(0, 65536);
            Chunk second = chunk(1, 65536);
            Chunk last = chunk(2, 17);
            backlog.append(first);
            backlog.append(second);
            backlog.append(last);

            assertEquals(3, backlog.pending());
            assertSame(first, backlog.take());
            assertSame(second, backlog.take());
            assertSame(last, backlog.take());
            assertEquals(0, backlog.pending());
        }
    }

    @Test
    void anEmptiedBacklogTakesNoRoomAndIsReusedFromTheStart() throws IOException {
        try (UploadBacklog backlog = UploadBacklog.create(folder, "f2")) {
            backlog.append(chunk(0, 1000));
            backlog.take();
            assertEquals(0, Files.size(folder.resolve("f2.backlog")));

            Chunk again = chunk(1, 300);
            backlog.append(again);
            assertSame(again, backlog.take());
        }
    }

    @Test
    void appendsBetweenTakesKeepTheOrder() throws IOException {
        try (UploadBacklog backlog = UploadBacklog.create(folder, "f3")) {
            Chunk a = chunk(0, 4096);
            Chunk b = chunk(1, 4096);
            Chunk c = chunk(2, 4096);
            backlog.append(a);
            backlog.append(b);
            assertSame(a, backlog.take());
            backlog.append(c);
            assertSame(b, backlog.take());
            assertSame(c, backlog.take());
        }
    }

    @Test
    void takingFromAnEmptyBacklogIsRefused() throws IOException {
        try (UploadBacklog backlog = UploadBacklog.create(folder, "f4")) {
            assertThrows(IllegalStateException.class, backlog::take);
        }
    }

    @Test
    void closingDeletesTheFile() throws IOException {
        UploadBacklog backlog = UploadBacklog.create(folder, "f5");
        backlog.append(chunk(0, 10));
        assertTrue(Files.exists(folder.resolve("f5.backlog")));
        backlog.close();
        assertFalse(Files.exists(folder.resolve("f5.backlog")));
    }

    private static Chunk chunk(int index, int size) {
        byte[] data = new byte[size];
        new Random(index * 31L + size).nextBytes(data);
        return new Chunk(index, data, Sha256.of(data));
    }

    private static void assertSame(Chunk expected, Chunk actual) {
        assertEquals(expected.index(), actual.index());
        assertEquals(expected.sha256(), actual.sha256());
        assertArrayEquals(expected.data(), actual.data());
    }
}
