package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP with Debian's OpenSSH {@code sftp} and {@code scp}: the user's drive as folders and files, a put
 * uploaded through the network and shown in REST, a get byte-identical, another user's drive invisible,
 * a client killed mid-put leaving nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SftpIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @TempDir
    Path folder;

    private SftpUser alice;

    @BeforeEach
    void newUser() {
        alice = new SftpUser(folder);
    }

    @AfterEach
    void cleanUp() {
        alice.cleanUp();
    }

    private Path aliceKey() throws Exception {
        return alice.addKey("id_alice");
    }

    private Path local(String name, RandomContent content) throws Exception {
        return alice.local(name, content);
    }

    private List<JsonObject> files() {
        return alice.files();
    }

    @Test
    void aPutIsAnUploadAndAGetGivesItBackByteForByte() throws Exception {
        Path key = aliceKey();
        RandomContent content = new RandomContent(50L * 1024 * 1024, 11);
        local("big.bin", content);

        OpenSsh.Run put = OpenSsh.sftp(folder, key, alice.name(), "mkdir docs\nput big.bin docs/big.bin\nls -l docs\n");
        assertEquals(0, put.exit(), put.toString());
        assertTrue(put.out().contains("big.bin"), put.out());

        List<JsonObject> listed = files();
        assertEquals(1, listed.size(), listed.toString());
        JsonObject file = listed.get(0);
        assertEquals("big.bin", file.getString("name"));
        assertEquals("AVAILABLE", file.getString("status"), "shown once settled");
        assertEquals(content.size(), file.getJsonNumber("size").longValue());
        assertEquals(content.sha256(), file.getString("sha256"));
        JsonObject docs = alice.api.get("/api/folders").array().getJsonObject(0);
        assertEquals("docs", docs.getString("name"));
        assertEquals(docs.getString("folderId"), file.getString("folderId"));

        OpenSsh.Run get = OpenSsh.sftp(folder, key, alice.name(), "get docs/big.bin back.bin\n");
        assertEquals(0, get.exit(), get.toString());
        try (InputStream back = Files.newInputStream(folder.resolve("back.bin"))) {
            assertEquals(content.sha256(), Digests.sha256(back));
        }

        RandomContent newer = new RandomContent(3L * 1024 * 1024, 12);
        local("newer.bin", newer);
        OpenSsh.Run replaced = OpenSsh.sftp(folder, key, alice.name(), "put newer.bin docs/big.bin\n");
        assertEquals(0, replaced.exit(), "a put over a file replaces it: " + replaced);
        List<JsonObject> after = files();
        assertEquals(1, after.size(), "the old file is gone once the new one is stored: " + after);
        assertNotEquals(file.getString("fileId"), after.get(0).getString("fileId"));
        assertEquals("big.bin", after.get(0).getString("name"));
        assertEquals(newer.sha256(), after.get(0).getString("sha256"));
        assertEquals(docs.getString("folderId"), after.get(0).getString("folderId"));
        OpenSsh.Run again = OpenSsh.sftp(folder, key, alice.name(), "get docs/big.bin again.bin\n");
        assertEquals(0, again.exit(), again.toString());
        try (InputStream back = Files.newInputStream(folder.resolve("again.bin"))) {
            assertEquals(newer.sha256(), Digests.sha256(back));
        }
    }

    @Test
    void mkdirRenameRmAndRmdirShowInRest() throws Exception {
        Path key = aliceKey();
        local("a.txt", new RandomContent(70_000, 3));

        OpenSsh.Run made = OpenSsh.sftp(folder, key, alice.name(),
                "mkdir one\nmkdir two\nput a.txt one/a.txt\nrename one/a.txt two/b.txt\nrename one uno\nls -1 two\n");
        assertEquals(0, made.exit(), made.toString());
        assertTrue(made.out().contains("b.txt"), made.out());
        List<String> folders = new ArrayList<>();
        String two = null;
        for (JsonObject f : alice.api.get("/api/folders").array().getValuesAs(JsonObject.class)) {
            folders.add(f.getString("name"));
            if ("two".equals(f.getString("name"))) {
                two = f.getString("folderId");
            }
        }
        assertEquals(List.of("two", "uno"), folders.stream().sorted().toList());
        JsonObject moved = files().get(0);
        assertEquals("b.txt", moved.getString("name"));
        assertEquals(two, moved.getString("folderId"), "renamed into another folder is moved there");

        OpenSsh.Run notEmpty = OpenSsh.sftp(folder, key, alice.name(), "rmdir two\n");
        assertNotEquals(0, notEmpty.exit(), "a folder with a file is not removed: " + notEmpty);

        OpenSsh.Run removed = OpenSsh.sftp(folder, key, alice.name(), "rm two/b.txt\nrmdir two\nrmdir uno\nls -1\n");
        assertEquals(0, removed.exit(), removed.toString());
        assertTrue(files().isEmpty());
        assertTrue(alice.api.get("/api/folders").array().isEmpty());
    }

    @Test
    void aFolderMovesIntoAnotherWithWhatItHoldsButNeverIntoItself() throws Exception {
        Path key = aliceKey();
        local("a.txt", new RandomContent(40_000, 4));
        OpenSsh.Run moved = OpenSsh.sftp(folder, key, alice.name(),
                "mkdir docs\nmkdir archive\nput a.txt docs/a.txt\nrename /docs /archive/docs\nls -1 /archive/docs\n");
        assertEquals(0, moved.exit(), moved.toString());
        assertTrue(moved.out().contains("a.txt"), moved.out());
        String archive = alice.folder("archive").getString("folderId");
        JsonObject docs = alice.folder("docs");
        assertEquals(archive, SftpUser.parentOf(docs, "parentId"), "docs now lies in archive");
        assertEquals(docs.getString("folderId"), SftpUser.parentOf(files().get(0), "folderId"), "its file came along");

        OpenSsh.Run intoItself = OpenSsh.sftp(folder, key, alice.name(), "rename /archive /archive/docs/archive\n");
        assertNotEquals(0, intoItself.exit(), intoItself.toString());
        assertEquals(null, SftpUser.parentOf(alice.folder("archive"), "parentId"), "archive stays at the top");
        assertEquals(archive, SftpUser.parentOf(alice.folder("docs"), "parentId"));
    }

    @Test
    void anotherUserSeesNothingAndAKeyNeverAddedIsRefused() throws Exception {
        Path key = aliceKey();
        local("secret.txt", new RandomContent(10_000, 5));
        assertEquals(0, OpenSsh.sftp(folder, key, alice.name(), "mkdir private\nput secret.txt private/secret.txt\n").exit());

        Api bob = Api.suiteUser();
        Path bobKey = OpenSsh.newKey(folder, "id_bob");
        assertEquals(201, bob.postJson("/api/auth/ssh-keys", Json.createObjectBuilder().add("name", "bob")
                .add("publicKey", Files.readString(Path.of(bobKey + ".pub"))).build()).status());
        OpenSsh.Run look = OpenSsh.sftp(folder, bobKey, bob.username(), "ls -la\n");
        assertEquals(0, look.exit(), look.toString());
        assertTrue(!look.out().contains("private") && !look.out().contains("secret"), look.out());
        OpenSsh.Run reach = OpenSsh.sftp(folder, bobKey, bob.username(), "get private/secret.txt stolen.txt\n");
        assertNotEquals(0, reach.exit(), reach.toString());

        Path stranger = OpenSsh.newKey(folder, "id_stranger");
        OpenSsh.Run refused = OpenSsh.sftp(folder, stranger, alice.name(), "ls\n");
        assertEquals(255, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("Permission denied"), refused.err());
    }

    @Test
    void scpPutsAndGetsOverSftp() throws Exception {
        Path key = aliceKey();
        RandomContent content = new RandomContent(300_000, 9);
        local("photo.jpg", content);
        List<String> options = OpenSsh.options(key);
        List<String> up = new ArrayList<>(List.of("scp", "-P", String.valueOf(OpenSsh.port())));
        up.addAll(options);
        up.addAll(List.of(folder.resolve("photo.jpg").toString(), alice.name() + "@localhost:photo.jpg"));
        OpenSsh.Run put = OpenSsh.run(folder, up);
        assertEquals(0, put.exit(), put.toString());
        assertEquals(content.sha256(), files().get(0).getString("sha256"));

        List<String> down = new ArrayList<>(List.of("scp", "-P", String.valueOf(OpenSsh.port())));
        down.addAll(options);
        down.addAll(List.of(alice.name() + "@localhost:photo.jpg", folder.resolve("copy.jpg").toString()));
        OpenSsh.Run get = OpenSsh.run(folder, down);
        assertEquals(0, get.exit(), get.toString());
        try (InputStream back = Files.newInputStream(folder.resolve("copy.jpg"))) {
            assertEquals(content.sha256(), Digests.sha256(back));
        }
    }

    @Test
    void aClientKilledMidPutLeavesNothing() throws Exception {
        Path key = aliceKey();
        long before = usedOnNodes();
        local("huge.bin", new RandomContent(400L * 1024 * 1024, 13));
        Path batch = Files.writeString(folder.resolve("put.sftp"), "put huge.bin\n");
        List<String> line = new ArrayList<>(List.of("sftp", "-b", batch.toString(), "-P", String.valueOf(OpenSsh.port())));
        line.addAll(OpenSsh.options(key));
        line.add(alice.name() + "@localhost");
        Process sftp = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("out.txt").toFile()).start();
        try {
            DurabilityIT.awaitTrue(() -> !files().isEmpty(), "the upload has started");
        } finally {
            sftp.destroyForcibly();
            sftp.waitFor(30, TimeUnit.SECONDS);
        }
        DurabilityIT.awaitTrue(() -> files().isEmpty(), "the interrupted upload left no file");
        DurabilityIT.awaitTrue(() -> usedOnNodes() == before, "the nodes hold exactly what they held before");
        assertEquals(0, alice.api.get("/api/auth/me").json().getJsonNumber("usedBytes").longValue());
    }

    @Test
    void aPutOverTheQuotaFailsAndLeavesNothing() throws Exception {
        Path key = aliceKey();
        assertEquals(200, alice.admin.put("/api/users/" + alice.name() + "/quota", "{\"quotaBytes\":204800}").status());
        OpenSsh.Run df = OpenSsh.sftp(folder, key, alice.name(), "df\n");
        assertEquals(0, df.exit(), df.toString());
        assertTrue(df.out().matches("(?s).*\\s200\\s+0\\s+200\\s.*"), "df shows the quota, 200 KiB, all of it free: " + df.out());
        local("large.bin", new RandomContent(1024 * 1024, 17));
        OpenSsh.Run put = OpenSsh.sftp(folder, key, alice.name(), "put large.bin\n");
        assertNotEquals(0, put.exit(), put.toString());
        DurabilityIT.awaitTrue(() -> files().isEmpty(), "nothing was kept");
    }

    @Test
    void aGetAndAPutOverSlowLinksComeWholeAsTheLinksCarryThem() throws Exception {
        Path key = aliceKey();
        RandomContent content = new RandomContent(1_500_000, 19);
        assertEquals(201, alice.api.uploadRaw("slow.bin", content, true).status());
        local("up.bin", new RandomContent(700_000, 20));
        long sentBefore = nodesSent();
        setLinks("{\"bandwidthBytesPerSecond\":262144,\"delayMinMs\":1,\"delayMaxMs\":5,\"lossRate\":0.01}");
        try {
            // the get's reads are answered as its chunks arrive, the put's close once every copy is stored
            OpenSsh.Run run = OpenSsh.sftp(folder, key, alice.name(), "get slow.bin back.bin\nput up.bin up.bin\n");
            assertEquals(0, run.exit(), run.toString());
        } finally {
            setLinks("{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.01}");
        }
        try (InputStream back = Files.newInputStream(folder.resolve("back.bin"))) {
            assertEquals(content.sha256(), Digests.sha256(back));
        }
        assertTrue(nodesSent() - sentBefore >= content.size(), "every byte of the get crossed a node's link");
        JsonObject up = files().stream().filter(f -> f.getString("name").equals("up.bin")).findFirst().orElseThrow();
        assertEquals("AVAILABLE", up.getString("status"), "the put's close was answered once every copy was stored");
        assertEquals(new RandomContent(700_000, 20).sha256(), up.getString("sha256"));
    }

    private void setLinks(String settings) {
        for (int n = 1; n <= 5; n++) {
            assertEquals(200, alice.admin.put("/api/network/nodes/Node_0" + n + "/link", settings).status());
        }
    }

    private long nodesSent() {
        return alice.admin.get("/api/network/statistics").json().getJsonArray("interfaces").getValuesAs(JsonObject.class)
                .stream().filter(i -> i.getString("id").startsWith("Node_"))
                .mapToLong(i -> i.getJsonNumber("bytesSent").longValue()).sum();
    }

    private long usedOnNodes() {
        return alice.admin.get("/api/network/nodes").array().getValuesAs(JsonObject.class).stream()
                .mapToLong(node -> node.getJsonNumber("usedBytes").longValue()).sum();
    }
}
