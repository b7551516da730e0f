package org.p2pstorage.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileHealthTest {

    @Test
    void aChunkIsHealthyWithAllItsCopiesDegradedWithSomeUnavailableWithNone() {
        assertEquals(FileHealth.HEALTHY, FileHealth.of(2, 2));
        assertEquals(FileHealth.HEALTHY, FileHealth.of(3, 2), "one too many, still healthy");
        assertEquals(FileHealth.DEGRADED, FileHealth.of(1, 2));
        assertEquals(FileHealth.UNAVAILABLE, FileHealth.of(0, 2));
        assertEquals(FileHealth.HEALTHY, FileHealth.of(1, 1));
    }

    @Test
    void aFileIsAsWeakAsItsWeakestChunk() {
        assertEquals(FileHealth.DEGRADED, FileHealth.HEALTHY.and(FileHealth.DEGRADED));
        assertEquals(FileHealth.UNAVAILABLE, FileHealth.DEGRADED.and(FileHealth.UNAVAILABLE));
        assertEquals(FileHealth.UNAVAILABLE, FileHealth.UNAVAILABLE.and(FileHealth.HEALTHY));
        assertEquals("degraded", FileHealth.DEGRADED.label());
    }
}
