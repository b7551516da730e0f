package org.p2pstorage.request.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void anEncodedNulOrLineBreakIsFoundAndOrdinaryAddressesPass() {
        assertEquals(0, ControlCharacters.firstControl("/api/files/%00"));
        assertEquals(0x0A, ControlCharacters.firstControl("folder=a%0Ab"));
        assertEquals(-1, ControlCharacters.firstControl("/api/files/3f2a9c0d1e2b4a5c"));
        assertEquals(-1, ControlCharacters.firstControl("name=%F0%9F%98%80.txt&wait=true"));
        assertEquals(-1, ControlCharacters.firstControl("/api/files/%zz"), "what does not decode is left to the route");
        assertEquals(-1, ControlCharacters.firstControl(null));
    }
}
