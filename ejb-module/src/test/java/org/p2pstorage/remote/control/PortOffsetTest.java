package org.p2pstorage.remote.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PortOffsetTest {

    @Test
    void portsMoveWithTheServersOffset() {
        assertEquals(9090, PortOffset.apply(9090, null));
        assertEquals(9190, PortOffset.apply(9090, "100"));
        assertEquals(2722, PortOffset.apply(2222, " 500 "));
        assertThrows(IllegalArgumentException.class, () -> PortOffset.apply(65000, "1000"));
    }
}
