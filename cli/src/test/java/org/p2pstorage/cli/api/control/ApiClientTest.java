package org.p2pstorage.cli.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ApiClientTest {

    @Test
    void absentAndNullFieldsReadAsNothing() {
        JsonObject file = (JsonObject) ApiClient.parse("""
                {"health":null,"replicas":2,"recoveredFrom":"bob","etaMs":null}""");
        assertNull(ApiClient.text(file, "health"), "null");
        assertNull(ApiClient.text(file, "failure"), "absent");
        assertEquals("bob", ApiClient.text(file, "recoveredFrom"));
        assertEquals(2, ApiClient.number(file, "replicas", 1));
        assertEquals(7, ApiClient.number(file, "etaMs", 7));
        assertEquals(1, ApiClient.number(file, "copiesTotal", 1));
    }
}
