package org.p2pstorage.cli.terminal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataSizesTest {

    @Test
    void formatsLikeTheSeed() {
        assertEquals("0B", DataSizes.format(0));
        assertEquals("1023B", DataSizes.format(1023));
        assertEquals("64.00KB", DataSizes.format(65536));
        assertEquals("2.50GB", DataSizes.format(2684354560L));
        assertEquals("10.00GB", DataSizes.format(10L << 30));
        assertEquals("1.50MB/s", DataSizes.rate(1.5 * 1024 * 1024));
    }

    @Test
    void parsesWhatUsersType() {
        assertEquals(65536, DataSizes.parse("65536"));
        assertEquals(65536, DataSizes.parse("64KiB"));
        assertEquals(65536, DataSizes.parse("64kb"));
        assertEquals(1 << 20, DataSizes.parse("1MB"));
        assertEquals(1536, DataSizes.parse("1.5K"));
        assertEquals(0, DataSizes.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> DataSizes.parse("fast"));
    }

    @Test
    void durations() {
        assertEquals("0:00", DataSizes.duration(0));
        assertEquals("0:07", DataSizes.duration(6200));
        assertEquals("1:02:03", DataSizes.duration(3723_000));
    }
}
