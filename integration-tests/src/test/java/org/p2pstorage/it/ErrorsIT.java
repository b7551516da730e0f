package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad requests and damaged data get clear JSON errors, never a stack trace and never wrong bytes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api api = Api.suiteUser();

    @Test
    void anUnknownFileIs404Everywhere() throws Exception {
        for (Api.Answer answer : new Api.Answer[]{api.get("/api/files/0000000000000000"),
                api.delete("/api/files/0000000000000000")}) {
            assertEquals(404, answer.status());
            assertEquals("NOT_FOUND", answer.json().getString("error"));
            assertEquals("no file with id 0000000000000000", answer.json().getString("message"));
        }
        Api.Received download = api.download("0000000000000000");
        assertEquals(404, download.status());
        assertTrue(download.body().contains("\"error\":\"NOT_FOUND\""), download.body());
    }

    @Test
    void malformedUploadsAre400() {
        Api.Answer noFileField = api.uploadForm("document", "a.txt", new RandomContent(10, 1), false);
        assertEquals(400, noFileField.status());
        assertEquals("the multipart body has no field named 'file'", noFileField.json().getString("message"));

        Api.Answer noName = api.uploadRaw(null, new RandomContent(10, 1), false);
        assertEquals(400, noName.status());
        assertEquals("INVALID", noName.json().getString("error"));
    }

    @Test
    void anUnknownRouteIsJson404() {
        Api.Answer answer = api.get("/api/no-such-thing");
        assertEquals(404, answer.status());
        assertEquals("NOT_FOUND", answer.json().getString("error"));
    }

    @Test
    void aChunkDamagedInEveryCopyStopsTheDownloadBeforeItsBytes() throws Exception {
        RandomContent content = new RandomContent(3 * 65536, 8);
        String fileId = api.upload("to-damage.bin", content, true).json().getString("fileId");
        for (Api.Copy copy : api.copies(fileId)) {
            if (copy.index() == 1) {
                try (RandomAccessFile file = new RandomAccessFile(copy.file(fileId).toFile(), "rw")) {
                    file.seek(1000);
                    int b = file.read();
                    file.seek(1000);
                    file.write(b ^ 0xff);
                }
            }
        }

        Api.Received download = api.download(fileId);

        assertTrue(download.broken() || download.status() != 200, "the client sees the transfer fail: " + download);
        assertTrue(download.length() <= 65536, "nothing past the first, intact chunk was sent: " + download.length());
        assertNotEquals(content.sha256(), download.sha256());
        api.delete("/api/files/" + fileId);
    }

    @Test
    void aChunkMissingFromEveryNodeIs502BeforeAnyByteIsSent() throws Exception {
        String fileId = api.upload("to-lose.bin", new RandomContent(2 * 65536, 9), true).json().getString("fileId");
        for (Api.Copy copy : api.copies(fileId)) {
            if (copy.index() == 1) {
                Files.delete(copy.file(fileId));
            }
        }

        Api.Received download = api.download(fileId);

        assertEquals(502, download.status());
        JsonObject error = Api.parse(download.body()).asJsonObject();
        assertEquals("CORRUPT", error.getString("error"));
        assertEquals("chunk 1 of to-lose.bin (" + fileId + ") has no good copy left on any node", error.getString("message"));
        api.delete("/api/files/" + fileId);
    }
}
