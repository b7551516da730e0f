package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A drive's file list comes in pages, as a REST client walks them: {@code offset} and {@code limit}, the
 * whole listing's size in {@code X-Total-Count}, the next pages in {@code Link}, sorted by name, size or
 * date either way; a bad parameter is a 400 that names it. A large file's chunk map comes in windows too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FileListingIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api user = Api.suiteUser();
    private final List<String> made = new ArrayList<>();
    private String folder;

    @AfterEach
    void cleanUp() {
        made.forEach(id -> user.delete("/api/files/" + id));
        if (folder != null) {
            user.delete("/api/folders/" + folder);
        }
    }

    /** Uploads files named f-1 … f-n, in that order, of sizes that do not follow their names. */
    private List<String> upload(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Api.Answer sent = user.upload("f-" + i + ".txt", new RandomContent(100L * ((i * 3) % n + 1), i), true);
            assertEquals(201, sent.status(), sent.body());
            ids.add(sent.json().getString("fileId"));
            made.add(ids.get(ids.size() - 1));
        }
        return ids;
    }

    private static List<String> names(Api.Answer page) {
        return page.array().getValuesAs(JsonObject.class).stream().map(f -> f.getString("name")).toList();
    }

    @Test
    void pagesWalkEveryFileOnceWithTheTotalAndTheNextPage() {
        upload(7);
        Api.Answer first = user.get("/api/files/list?sort=name&limit=3");
        assertEquals(200, first.status(), first.body());
        assertEquals(List.of("f-1.txt", "f-2.txt", "f-3.txt"), names(first));
        assertEquals("7", first.header("X-Total-Count"));
        String links = first.headers().allValues("Link").toString();
        assertTrue(links.contains("rel=\"next\"") && links.contains("offset=3"), links);
        assertFalse(links.contains("rel=\"prev\""), "the first page has none before it: " + links);

        Api.Answer second = user.get("/api/files/list?sort=name&limit=3&offset=3");
        assertEquals(List.of("f-4.txt", "f-5.txt", "f-6.txt"), names(second));
        Api.Answer last = user.get("/api/files/list?sort=name&limit=3&offset=6");
        assertEquals(List.of("f-7.txt"), names(last));
        assertEquals("7", last.header("X-Total-Count"));
        assertFalse(last.headers().allValues("Link").toString().contains("rel=\"next\""));
        assertEquals(List.of(), names(user.get("/api/files/list?sort=name&limit=3&offset=9")), "past the end: an empty page");
    }

    @Test
    void sortedByNameSizeOrDateEitherWayNewestFirstByDefault() {
        List<String> ids = upload(4);
        List<String> newestFirst = user.get("/api/files/list").array().getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("fileId")).toList();
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1), ids.get(0)), newestFirst);
        assertEquals(List.of("f-4.txt", "f-3.txt", "f-2.txt", "f-1.txt"), names(user.get("/api/files/list?sort=name&order=desc")));
        List<Long> ascending = user.get("/api/files/list?sort=size&order=asc").array().getValuesAs(JsonObject.class).stream()
                .map(f -> f.getJsonNumber("size").longValue()).toList();
        assertEquals(ascending.stream().sorted().toList(), ascending);
        List<Long> descending = user.get("/api/files/list?sort=size").array().getValuesAs(JsonObject.class).stream()
                .map(f -> f.getJsonNumber("size").longValue()).toList();
        assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending, "largest first by default");
        assertEquals(List.of("f-1.txt", "f-2.txt", "f-3.txt", "f-4.txt"), names(user.get("/api/files/list?sort=created&order=asc")));
        assertTrue(names(user.get("/api/files/list")).stream().allMatch(n -> n.startsWith("f-")), "every line is the caller's");
    }

    @Test
    void aFolderIsListedInPagesToo() {
        List<String> ids = upload(3);
        folder = user.postJson("/api/folders", Json.createObjectBuilder().add("name", "Paged").build()).json().getString("folderId");
        user.patch("/api/files/" + ids.get(0), "{\"folderId\":\"" + folder + "\"}");
        user.patch("/api/files/" + ids.get(1), "{\"folderId\":\"" + folder + "\"}");
        Api.Answer page = user.get("/api/files/list?folder=" + folder + "&limit=1&sort=name");
        assertEquals(List.of("f-1.txt"), names(page));
        assertEquals("2", page.header("X-Total-Count"));
        assertEquals(List.of("f-3.txt"), names(user.get("/api/files/list?folder=&sort=name")), "the top of the drive");
    }

    @Test
    void aBadParameterIsA400ThatNamesIt() {
        for (String[] bad : new String[][]{{"limit=0", "limit"}, {"limit=1001", "limit"}, {"limit=abc", "limit"},
                {"offset=-1", "offset"}, {"offset=1.5", "offset"}, {"sort=owner", "sort"}, {"order=up", "order"}}) {
            Api.Answer answer = user.get("/api/files/list?" + bad[0]);
            assertEquals(400, answer.status(), bad[0] + ": " + answer.body());
            assertEquals("INVALID", answer.json().getString("error"));
            assertTrue(answer.json().getString("message").startsWith(bad[1] + " must"), answer.body());
        }
        assertEquals(200, user.get("/api/files/list?limit=1000").status(), "the largest page");
    }

    @Test
    void theChunkMapComesWholeOrAWindowAtATime() {
        Api.Answer sent = user.upload("five-chunks.bin", new RandomContent(5 * 65536 - 10, 99), true);
        String id = sent.json().getString("fileId");
        made.add(id);
        JsonObject whole = user.get("/api/files/" + id).json();
        assertEquals(5, whole.getJsonArray("chunkMap").size());
        assertEquals(5, whole.getInt("chunksAcknowledged"));

        JsonObject window = user.get("/api/files/" + id + "?chunks.offset=2&chunks.limit=2").json();
        assertEquals(5, window.getInt("chunks"));
        assertEquals(2, window.getInt("chunkMapOffset"));
        List<Integer> indexes = window.getJsonArray("chunkMap").getValuesAs(JsonObject.class).stream().map(c -> c.getInt("index")).toList();
        assertEquals(List.of(2, 3), indexes);
        assertEquals(whole.getJsonArray("chunkMap").get(2), window.getJsonArray("chunkMap").get(0), "the same chunk, the same copies");
        assertEquals(whole.getString("health"), window.getString("health"));
        assertNotNull(window.getString("sha256"));

        Api.Answer bad = user.get("/api/files/" + id + "?chunks.limit=abc");
        assertEquals(400, bad.status());
        assertTrue(bad.json().getString("message").startsWith("chunks.limit must"), bad.body());
    }
}
