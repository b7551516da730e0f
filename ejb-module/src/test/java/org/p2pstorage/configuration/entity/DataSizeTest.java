package org.p2pstorage.configuration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataSizeTest {

    @Test
    void sizesAreReadAsPeopleWriteThem() {
        assertEquals(10L * 1024 * 1024 * 1024, DataSize.parse("10GB").bytes());
        assertEquals(65536, DataSize.parse("64KiB").bytes());
        assertEquals(65536, DataSize.parse("64kb").bytes());
        assertEquals(65536, DataSize.parse("65536").bytes());
        assertEquals(512L * 1024 * 1024, DataSize.parse("0.5 GB").bytes());
        assertEquals(16L * 1024 * 1024, DataSize.parse("16M").bytes());
    }

    @Test
    void nonsenseIsRefusedWithAnExample() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataSize.parse("ten"));
        assertEquals("not a size: 'ten' (examples: 10GB, 64KiB, 65536)", refused.getMessage());
    }

    @Test
    void formattedAsTheSeedShowsThem() {
        assertEquals("2.50 GB", DataSize.format(2_684_354_560L));
        assertEquals("64.00 KB", DataSize.format(65536));
        assertEquals("17 B", DataSize.format(17));
    }
}
