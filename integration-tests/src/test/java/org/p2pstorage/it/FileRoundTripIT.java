package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Files go in and come back byte for byte, spread round-robin, really on the nodes' disks. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FileRoundTripIT {

    private static final List<String> NODES = List.of("Node_01", "Node_02", "Node_03", "Node_04", "Node_05");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api api = Api.suiteUser();

    @Test
    void everySizeComesBackIdentical() throws Exception {
        for (long size : new long[]{0, 1, 65535, 65536, 65537, 2_621_440, 52_428_800}) {
            RandomContent content = new RandomContent(size, size + 7);
            String name = "random-" + size + ".bin";

            Api.Answer upload = api.upload(name, content, true);

            assertEquals(201, upload.status(), "upload of " + size + " bytes: " + upload.body());
            JsonObject file = upload.json();
            assertEquals("AVAILABLE", file.getString("status"));
            assertEquals(size, file.getJsonNumber("size").longValue());
            assertEquals((size + 65535) / 65536, file.getInt("chunks"));
            assertEquals(content.sha256(), file.getString("sha256"));

            Api.Received download = api.download(file.getString("fileId"));
            assertEquals(200, download.status());
            assertFalse(download.broken());
            assertEquals(size, download.length(), "length of " + name);
            assertEquals(content.sha256(), download.sha256(), "bytes of " + name);
            assertTrue(download.contentDisposition().contains("filename=\"" + name + "\""), download.contentDisposition());

            assertEquals(200, api.delete("/api/files/" + file.getString("fileId")).status());
        }
    }

    @Test
    void aFileIsRenamedByItsOwnerOnly() throws Exception {
        RandomContent content = new RandomContent(100_000, 9);
        String fileId = api.upload("draft.txt", content, true).json().getString("fileId");

        Api.Answer renamed = api.patch("/api/files/" + fileId, "{\"name\":\"final report.txt\"}");

        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("final report.txt", renamed.json().getString("name"));
        assertEquals("final report.txt", api.get("/api/files/" + fileId).json().getString("name"));
        Api.Received download = api.download(fileId);
        assertEquals(content.sha256(), download.sha256());
        assertTrue(download.contentDisposition().contains("final report.txt"), download.contentDisposition());
        assertEquals(400, api.patch("/api/files/" + fileId, "{\"name\":\"  \"}").status());
        assertEquals(400, api.patch("/api/files/" + fileId, "{}").status());
        assertEquals(404, Api.suiteUser().patch("/api/files/" + fileId, "{\"name\":\"mine.txt\"}").status());
        api.delete("/api/files/" + fileId);
    }

    @Test
    void filesAreMovedIntoFoldersOfTheirOwner() throws Exception {
        Api.Answer created = api.postJson("/api/folders", Json.createObjectBuilder().add("name", "Trips").build());
        assertEquals(201, created.status(), created.body());
        String folder = created.json().getString("folderId");
        Api.Answer nested = api.postJson("/api/folders", Json.createObjectBuilder().add("name", "2025")
                .add("parentId", folder).build());
        assertEquals(folder, nested.json().getString("parentId"));
        String fileId = api.upload("beach.jpg", new RandomContent(10_000, 4), true).json().getString("fileId");

        Api.Answer moved = api.patch("/api/files/" + fileId, "{\"folderId\":\"" + folder + "\"}");

        assertEquals(200, moved.status(), moved.body());
        assertEquals(folder, moved.json().getString("folderId"));
        assertEquals(1, api.get("/api/files/list?folder=" + folder).array().size());
        assertTrue(api.get("/api/files/list?folder=").array().stream()
                .noneMatch(f -> f.asJsonObject().getString("fileId").equals(fileId)), "not at the top any more");
        assertEquals(409, api.delete("/api/folders/" + folder).status(), "not empty");
        assertEquals(404, Api.suiteUser().patch("/api/files/" + fileId, "{\"folderId\":\"\"}").status());
        assertEquals(404, api.patch("/api/files/" + fileId, "{\"folderId\":\"nope\"}").status());
        assertEquals(2, api.get("/api/folders").array().size());
        Api.Answer renamed = api.patch("/api/folders/" + folder, "{\"name\":\"Trips ✈ 2025\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Trips ✈ 2025", renamed.json().getString("name"));
        assertEquals(400, api.patch("/api/folders/" + folder, "{\"name\":\"a/b\"}").status(), "a name with a slash");
        assertTrue(api.get("/api/folders").array().stream()
                .anyMatch(f -> f.asJsonObject().getString("name").equals("Trips ✈ 2025")), "the folder has its new name");
        String inner = nested.json().getString("folderId");
        Api.Answer up = api.patch("/api/folders/" + inner, "{\"parentId\":\"\"}");
        assertEquals(200, up.status(), up.body());
        assertFalse(up.json().containsKey("parentId") && !up.json().isNull("parentId"), "moved to the top: " + up.body());
        assertEquals(folder, api.patch("/api/folders/" + inner, "{\"parentId\":\"" + folder + "\"}").json().getString("parentId"));
        assertEquals(400, api.patch("/api/folders/" + folder, "{\"parentId\":\"" + inner + "\"}").status(), "into a folder inside it");
        assertEquals(400, api.patch("/api/folders/" + folder, "{\"parentId\":\"" + folder + "\"}").status(), "into itself");
        assertEquals(404, api.patch("/api/folders/" + inner, "{\"parentId\":\"nope\"}").status());
        assertEquals(folder, api.get("/api/folders").array().stream().map(f -> f.asJsonObject())
                .filter(f -> f.getString("folderId").equals(inner)).findFirst().orElseThrow().getString("parentId"),
                "a refused move changed nothing");

        assertEquals(200, api.patch("/api/files/" + fileId, "{\"folderId\":\"\"}").status());
        api.delete("/api/files/" + fileId);
        assertEquals(204, api.delete("/api/folders/" + nested.json().getString("folderId")).status());
        assertEquals(204, api.delete("/api/folders/" + folder).status());
        assertEquals(0, api.get("/api/folders").array().size());
    }

    @Test
    void aRawBodyIsStreamedIntoChunks() throws Exception {
        RandomContent content = new RandomContent(1_000_000, 3);

        Api.Answer upload = api.uploadRaw("raw.bin", content, true);

        assertEquals(201, upload.status(), upload.body());
        String fileId = upload.json().getString("fileId");
        assertEquals(content.sha256(), api.download(fileId).sha256());
        api.delete("/api/files/" + fileId);
    }

    @Test
    void everyChunkHasTwoCopiesOnDistinctNodesSpreadEvenly() {
        String fileId = api.upload("spread.bin", new RandomContent(2_621_440, 11), true).json().getString("fileId");

        List<Api.Copy> copies = api.copies(fileId);

        assertEquals(80, copies.size(), "40 chunks, 2 copies each");
        Map<String, Integer> perNode = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            int index = i;
            List<String> nodes = copies.stream().filter(c -> c.index() == index).map(Api.Copy::node).toList();
            assertEquals(2, nodes.size());
            assertNotEquals(nodes.get(0), nodes.get(1), "chunk " + i + "'s copies are on distinct nodes");
        }
        copies.forEach(c -> {
            assertEquals("STORED", c.state());
            perNode.merge(c.node(), 1, Integer::sum);
        });
        perNode.values().forEach(n -> assertTrue(Math.abs(n - 16) <= 1, "the copies spread evenly: " + perNode));
        assertEquals(5, perNode.size());
        assertEquals("healthy", api.get("/api/files/" + fileId).json().getString("health"));
        api.delete("/api/files/" + fileId);
    }

    @Test
    void chunkFilesAreOnDiskAndEachNodeCountsExactlyThem() throws Exception {
        String fileId = api.upload("on-disk.bin", new RandomContent(700_000, 5), true).json().getString("fileId");

        for (Api.Copy copy : api.copies(fileId)) {
            Path file = copy.file(fileId);
            assertTrue(Files.exists(file), file + " exists");
            assertEquals(copy.size(), Files.size(file));
        }
        for (JsonObject node : api.get("/api/storage/status").json().getJsonArray("nodes").getValuesAs(JsonObject.class)) {
            Path folder = Api.suiteData().resolve("nodes").resolve(node.getString("id"));
            assertEquals(Api.bytesOnDisk(folder), node.getJsonNumber("usedBytes").longValue(),
                    node.getString("id") + " used bytes");
            assertEquals(Api.chunkFiles(folder).size(), node.getInt("segments"));
        }
        api.delete("/api/files/" + fileId);
    }

    @Test
    void deleteRemovesTheChunksAndFreesTheirRoom() throws Exception {
        JsonObject before = api.get("/api/storage/status").json().getJsonObject("total");
        String fileId = api.upload("to-delete.bin", new RandomContent(300_000, 9), true).json().getString("fileId");
        assertEquals(before.getJsonNumber("usedBytes").longValue() + 2 * 300_000,
                api.get("/api/storage/status").json().getJsonObject("total").getJsonNumber("usedBytes").longValue(),
                "two copies of every chunk");

        Api.Answer deleted = api.delete("/api/files/" + fileId);

        assertEquals(200, deleted.status());
        assertEquals(fileId, deleted.json().getString("fileId"));
        assertEquals(before, api.get("/api/storage/status").json().getJsonObject("total"));
        assertEquals(404, api.get("/api/files/" + fileId).status());
        for (String node : NODES) {
            assertTrue(Api.chunkFiles(Api.suiteData().resolve("nodes").resolve(node)).stream()
                    .noneMatch(name -> name.startsWith(fileId)), node + " holds nothing of the deleted file");
        }
        assertTrue(api.get("/api/files/list").array().getValuesAs(JsonObject.class).stream()
                .noneMatch(f -> f.getString("fileId").equals(fileId)));
    }
}
