package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH server with Debian's OpenSSH client: keys added (or generated) through REST open it, any other
 * key is refused; remote commands print the CLI's tables and follow REST's rules.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SshIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @TempDir
    Path folder;

    private final Api alice = Api.suiteUser();
    private final Api admin = Api.suiteAdmin();

    @AfterEach
    void nodesUp() {
        admin.post("/api/network/nodes/Node_05/start");
    }

    private Api.Answer addKey(Api api, Path key) throws Exception {
        return api.postJson("/api/auth/ssh-keys", Json.createObjectBuilder().add("name", "laptop")
                .add("publicKey", Files.readString(Path.of(key + ".pub"))).build());
    }

    @Test
    void aKeyAddedThroughRestOpensTheServerAndAnyOtherIsRefused() throws Exception {
        Path key = OpenSsh.newKey(folder, "id_alice");
        Path stranger = OpenSsh.newKey(folder, "id_stranger");
        Api.Answer added = addKey(alice, key);
        assertEquals(201, added.status(), added.body());
        assertTrue(added.json().getString("fingerprint").startsWith("SHA256:"), added.body());
        assertEquals(1, alice.get("/api/auth/ssh-keys").array().size());

        OpenSsh.Run nodes = OpenSsh.ssh(key, alice.username(), "nodes");

        assertEquals(0, nodes.exit(), nodes.toString());
        assertTrue(nodes.out().contains("Node ID"), nodes.out());
        for (int n = 1; n <= 5; n++) {
            assertTrue(nodes.out().contains("Node_0" + n + "         192.168.1." + (n + 1)), nodes.out());
        }

        OpenSsh.Run refused = OpenSsh.ssh(stranger, alice.username(), "nodes");
        assertEquals(255, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("Permission denied"), refused.err());
        OpenSsh.Run otherUser = OpenSsh.ssh(key, Api.suiteUser().username(), "nodes");
        assertEquals(255, otherUser.exit(), "alice's key is not another user's: " + otherUser);

        long id = added.json().getJsonNumber("id").longValue();
        assertEquals(204, alice.delete("/api/auth/ssh-keys/" + id).status());
        assertEquals(255, OpenSsh.ssh(key, alice.username(), "nodes").exit(), "a removed key no longer opens it");
    }

    @Test
    void aGeneratedKeyIsShownOnceAndWorksWithOpenSsh() throws Exception {
        RandomContent content = new RandomContent(70_000, 21);
        String fileId = alice.upload("report.pdf", content, true).json().getString("fileId");
        try {
            Api.Answer generated = alice.postJson("/api/auth/ssh-keys/generate",
                    Json.createObjectBuilder().add("name", "generated").build());
            assertEquals(201, generated.status(), generated.body());
            String privateKey = generated.json().getString("privateKey");
            assertTrue(privateKey.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"), "an OpenSSH private key");
            assertTrue(generated.json().getJsonObject("key").getString("publicKey").startsWith("ssh-ed25519 "));
            assertFalse(alice.get("/api/auth/ssh-keys").body().contains("PRIVATE"), "the private key is never shown again");
            Path key = OpenSsh.privateKey(folder, "id_generated", privateKey);

            OpenSsh.Run ls = OpenSsh.ssh(key, alice.username(), "ls");
            assertEquals(0, ls.exit(), ls.toString());
            assertTrue(ls.out().contains(fileId) && ls.out().contains("report.pdf"), ls.out());

            OpenSsh.Run info = OpenSsh.ssh(key, alice.username(), "info", fileId);
            assertEquals(0, info.exit(), info.toString());
            assertTrue(info.out().contains(content.sha256()), info.out());

            OpenSsh.Run foreign = OpenSsh.ssh(key, alice.username(), "info", "0000000000000000");
            assertEquals(1, foreign.exit(), foreign.toString());
            assertTrue(foreign.err().contains("no file with id"), foreign.err());

            OpenSsh.Run unknown = OpenSsh.ssh(key, alice.username(), "rm -rf /");
            assertEquals(2, unknown.exit(), "no shell behind the commands: " + unknown);

            OpenSsh.Run shell = OpenSsh.shell(folder, key, alice.username(), "ls\nexit\n");
            assertEquals(0, shell.exit(), shell.toString());
            assertTrue(shell.out().contains("P2P-Storage > ls"), shell.out());
            assertTrue(shell.out().contains("report.pdf") && shell.out().contains("Bye."), shell.out());
        } finally {
            alice.delete("/api/files/" + fileId);
        }
    }

    @Test
    void onlyAnAdminStopsANodeAndRestSeesIt() throws Exception {
        Path aliceKey = OpenSsh.newKey(folder, "id_user");
        Path adminKey = OpenSsh.newKey(folder, "id_admin");
        assertEquals(201, addKey(alice, aliceKey).status());
        Api.Answer adminAdded = addKey(admin, adminKey);
        try {
            OpenSsh.Run refused = OpenSsh.ssh(aliceKey, alice.username(), "node", "stop", "Node_05");
            assertEquals(1, refused.exit(), refused.toString());
            assertTrue(refused.err().contains("only an admin"), refused.err());
            assertNotEquals("STOPPED", state("Node_05"));

            OpenSsh.Run stopped = OpenSsh.ssh(adminKey, Api.ADMIN, "node", "stop", "Node_05");
            assertEquals(0, stopped.exit(), stopped.toString());
            assertEquals("STOPPED", state("Node_05"), "stopped over SSH is stopped for REST");
            OpenSsh.Run health = OpenSsh.ssh(adminKey, Api.ADMIN, "health");
            assertTrue(health.out().contains("Total: 4/5 nodes alive"), health.out());

            assertEquals(0, OpenSsh.ssh(adminKey, Api.ADMIN, "node", "start", "Node_05").exit());
            assertNotEquals("STOPPED", state("Node_05"));
        } finally {
            if (adminAdded.status() == 201) {
                admin.delete("/api/auth/ssh-keys/" + adminAdded.json().getJsonNumber("id").longValue());
            }
        }
    }

    @Test
    void statsAndLinksForEveryoneAndANodesChunkFilesForAdminsOnly() throws Exception {
        Path aliceKey = OpenSsh.newKey(folder, "id_stats");
        Path adminKey = OpenSsh.newKey(folder, "id_admin_ls");
        assertEquals(201, addKey(alice, aliceKey).status());
        Api.Answer adminAdded = addKey(admin, adminKey);
        String fileId = alice.upload("spread.bin", new RandomContent(300_000, 95), true).json().getString("fileId");
        try {
            OpenSsh.Run stats = OpenSsh.ssh(aliceKey, alice.username(), "stats");
            assertEquals(0, stats.exit(), stats.toString());
            assertTrue(stats.out().contains("Network Statistics") && stats.out().contains("Node_03"), stats.out());

            OpenSsh.Run refused = OpenSsh.ssh(aliceKey, alice.username(), "node", "Node_01", "ls");
            assertEquals(1, refused.exit(), refused.toString());
            assertTrue(refused.err().contains("only an admin"), refused.err());
            OpenSsh.Run notHers = OpenSsh.ssh(aliceKey, alice.username(), "link", "Node_02", "set", "loss=0.2");
            assertEquals(1, notHers.exit(), notHers.toString());

            StringBuilder listed = new StringBuilder();
            for (int n = 1; n <= 5; n++) {
                OpenSsh.Run files = OpenSsh.ssh(adminKey, Api.ADMIN, "node", "Node_0" + n, "ls");
                assertEquals(0, files.exit(), files.toString());
                listed.append(files.out());
            }
            assertTrue(listed.toString().contains("65536  " + fileId + "_chunk_00000.bin"), listed.toString());
            assertTrue(listed.toString().contains(fileId + "_chunk_00004.bin"), "every chunk is on some node: " + listed);

            OpenSsh.Run changed = OpenSsh.ssh(adminKey, Api.ADMIN, "link", "Node_02", "set", "loss=0.02");
            assertEquals(0, changed.exit(), changed.toString());
            assertEquals(0.02, admin.get("/api/network/nodes/Node_02/link").json().getJsonNumber("lossRate").doubleValue(),
                    1e-9, "changed over SSH is changed for REST");
            OpenSsh.Run shown = OpenSsh.ssh(aliceKey, alice.username(), "link", "Node_02");
            assertTrue(shown.out().contains("Node_02 link: bandwidth unthrottled, delay 0-1 ms, loss 2.00%"), shown.out());
        } finally {
            admin.put("/api/network/nodes/Node_02/link",
                    "{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.01}");
            alice.delete("/api/files/" + fileId);
            if (adminAdded.status() == 201) {
                admin.delete("/api/auth/ssh-keys/" + adminAdded.json().getJsonNumber("id").longValue());
            }
        }
    }

    private String state(String node) {
        JsonObject view = alice.get("/api/network/nodes/" + node).json();
        return view.getString("state");
    }
}
