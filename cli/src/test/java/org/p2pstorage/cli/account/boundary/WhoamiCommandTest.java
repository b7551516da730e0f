package org.p2pstorage.cli.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class WhoamiCommandTest {

    @Test
    void showsTheStorageTheQuotaLeaves() {
        assertEquals("Storage: 1.00MB of 10.00MB used (9.00MB left)\n", WhoamiCommand.storage(Json.createObjectBuilder()
                .add("quotaBytes", 10L * 1024 * 1024).add("usedBytes", 1024 * 1024).build()));
    }

    @Test
    void anOlderServerWithoutQuotasShowsNoStorageLine() {
        assertEquals("", WhoamiCommand.storage(Json.createObjectBuilder().add("username", "alice").build()));
    }
}
