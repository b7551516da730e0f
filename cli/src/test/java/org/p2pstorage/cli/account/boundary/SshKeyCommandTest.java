package org.p2pstorage.cli.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class SshKeyCommandTest {

    private static final JsonObject KEY = Json.createObjectBuilder().add("id", 51).add("name", "laptop")
            .add("algorithm", "ssh-ed25519").add("fingerprint", "SHA256:abc").add("publicKey", "ssh-ed25519 AAAA laptop")
            .add("createdAt", "2026-12-04T01:50:00Z").addNull("lastUsedAt").build();

    @Test
    void aKeyIsNamedByIdNameAlgorithmAndFingerprint() {
        assertEquals("Key 51 \"laptop\" ssh-ed25519 SHA256:abc", SshKeyCommand.describe(KEY));
    }

    @Test
    void theTableShowsEachKeyWithItsDaysAndNoKeysSaysHowToAddOne() {
        String table = SshKeyCommand.table(Json.createArrayBuilder().add(KEY).build());
        assertTrue(table.contains("laptop") && table.contains("2026-12-04") && table.contains("never"), table);
        assertTrue(SshKeyCommand.table(Json.createArrayBuilder().build()).startsWith("No SSH keys yet"));
        JsonObject neverUsed = Json.createObjectBuilder(KEY).remove("lastUsedAt").build();
        assertTrue(SshKeyCommand.table(Json.createArrayBuilder().add(neverUsed).build()).contains("never"),
                "the server leaves out a key's last use until it has one");
    }
}
