package org.p2pstorage.storage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class FileRecordTest {

    @Test
    void aRecordSurvivesItsManifestLineWithAnyName() {
        FileRecord record = new FileRecord("a1b2c3d4e5f60718", "alice", "my holiday - ünïcödé 😀 %20.jpg",
                "Photos/2024 - summer", 1_234_567, "ab".repeat(32), 65536, 19, 2, Instant.ofEpochMilli(1_763_000_000_123L));
        String line = record.toLine();
        assertEquals(11, line.trim().split(" ").length, line);
        assertEquals(record, FileRecord.ofLine(line).orElseThrow());
    }

    @Test
    void noOwnerAndTheTopOfTheDriveAreKeptAsNone() {
        FileRecord record = new FileRecord("ffff000011112222", null, "x", null, 0, "cd".repeat(32), 65536, 0, 1,
                Instant.ofEpochMilli(5));
        assertEquals(record, FileRecord.ofLine(record.toLine()).orElseThrow());
    }

    @Test
    void otherLinesAreNotRecords() {
        assertTrue(FileRecord.ofLine("PUT f_chunk_00001.bin 10 " + "ab".repeat(32)).isEmpty());
        assertTrue(FileRecord.ofLine("FILE ../../etc x").isEmpty());
    }
}
