package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * File names as people type them (umlauts, emoji, scripts) and as attackers craft them (bidi overrides,
 * zero-width characters, paths), through multipart and raw uploads, renames, folders and downloads; and
 * an upload whose client goes away half-way leaves nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FileNamesIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api api = Api.suiteUser();
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        made.forEach(id -> api.delete("/api/files/" + id));
        api.get("/api/folders").array().getValuesAs(JsonObject.class)
                .forEach(f -> api.delete("/api/folders/" + f.getString("folderId")));
    }

    private String uploaded(Api.Answer answer) {
        assertEquals(201, answer.status(), answer.body());
        String fileId = answer.json().getString("fileId");
        made.add(fileId);
        return fileId;
    }

    @Test
    void utf8AndEmojiNamesSurviveMultipartRawAndDownload() throws Exception {
        for (String name : List.of("ü-file.txt", "😀.txt", "日本語 ファイル.txt", "👩‍💻 notes.md")) {
            String multipart = uploaded(api.upload(name, new RandomContent(100, 1), true));
            assertEquals(name, api.get("/api/files/" + multipart).json().getString("name"));
            Api.Received download = api.download(multipart);
            assertEquals(200, download.status(), "answered 201 (every copy stored), then: " + download.body()
                    + "; the file now: " + api.get("/api/files/" + multipart).body());
            assertTrue(download.contentDisposition().contains("filename*=UTF-8''"
                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")), download.contentDisposition());

            String raw = uploaded(api.uploadRaw(URLEncoder.encode(name, StandardCharsets.UTF_8), new RandomContent(100, 2), true));
            assertEquals(name, api.get("/api/files/" + raw).json().getString("name"));
        }
    }

    @Test
    void invisibleFormattingCharactersAreRefusedEverywhere() {
        String override = "cod\u202Etxt.exe";
        Api.Answer upload = api.upload(override, new RandomContent(10, 3), true);
        assertEquals(400, upload.status());
        assertTrue(upload.json().getString("message").startsWith("the name contains U+202E, an invisible formatting character"),
                upload.body());
        Api.Answer zeroWidth = api.uploadRaw(URLEncoder.encode("zero\u200Bwidth.txt", StandardCharsets.UTF_8),
                new RandomContent(10, 3), true);
        assertEquals(400, zeroWidth.status());
        assertTrue(zeroWidth.json().getString("message").contains("U+200B"), zeroWidth.body());
        Api.Answer folder = api.postJson("/api/folders", jakarta.json.Json.createObjectBuilder().add("name", "a\u2066b").build());
        assertEquals(400, folder.status());
        assertTrue(api.get("/api/files/list").array().isEmpty(), "a refused upload leaves no file");
    }

    @Test
    void pathLikeNamesKeepTheirLastSegmentOnUploadAndAreRefusedOnRename() {
        String dots = uploaded(api.upload("../x", new RandomContent(10, 4), true));
        assertEquals("x", api.get("/api/files/" + dots).json().getString("name"));
        String windows = uploaded(api.uploadRaw(URLEncoder.encode("C:\\Users\\me\\y.txt", StandardCharsets.UTF_8),
                new RandomContent(10, 5), true));
        assertEquals("y.txt", api.get("/api/files/" + windows).json().getString("name"));
        Api.Answer rename = api.patch("/api/files/" + dots, "{\"name\":\"../../etc/passwd\"}");
        assertEquals(400, rename.status());
        assertEquals("a name cannot contain '/' or '\\'", rename.json().getString("message"));
        assertEquals(400, api.upload("..", new RandomContent(10, 6), true).status());
    }

    @Test
    void aChangeThatFailsValidationChangesNothing() {
        String fileId = uploaded(api.upload("keep.txt", new RandomContent(10, 7), true));
        String folderId = api.postJson("/api/folders", jakarta.json.Json.createObjectBuilder().add("name", "Box").build())
                .json().getString("folderId");
        Api.Answer refused = api.patch("/api/files/" + fileId, "{\"folderId\":\"" + folderId + "\",\"name\":\"bad\u202E.txt\"}");
        assertEquals(400, refused.status());
        JsonObject file = api.get("/api/files/list").array().getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("fileId").equals(fileId)).findFirst().orElseThrow();
        assertEquals("keep.txt", file.getString("name"));
        assertTrue(!file.containsKey("folderId") || file.isNull("folderId"), "the move was not applied either: " + file);
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNothingAndReleasesTheRoom() throws Exception {
        long usedBefore = used(); // the room still available on the nodes
        try (Socket socket = new Socket("localhost", Integer.getInteger("it.suite.http", 8180))) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/files/upload?name=cut.bin HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + api.token() + "\r\nX-Forwarded-For: " + api.address() + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 4194304\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new RandomContent(512 * 1024, 8).bytes());
            out.flush();
            TimeUnit.MILLISECONDS.sleep(500);
        }
        for (int i = 0; i < 300 && !(api.get("/api/files/list").array().isEmpty() && used() == usedBefore); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertTrue(api.get("/api/files/list").array().isEmpty(), "no file is left: " + api.get("/api/files/list").body());
        assertEquals(usedBefore, used(), "the room the chunks took is free again");
    }

    private long used() {
        return api.get("/api/storage/status").json().getJsonObject("total").getJsonNumber("availableBytes").longValue();
    }
}
