package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A file the network cannot hold is refused with 507 and leaves nothing behind: no catalog rows,
 * no chunk files, the used and free bytes exactly as before. Every chunk is stored twice, so a file needs twice
 * its size in room. (The suite server's nodes hold 24 MB each.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CapacityIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api api = Api.suiteUser();

    @Test
    void aFileLargerThanTheFreeRoomIs507AndLeavesNothing() throws Exception {
        Snapshot before = snapshot();

        Api.Answer refused = api.upload("too-big.bin", new RandomContent(before.available() / 2 + 65536, 1), true);

        assertEquals(507, refused.status(), refused.body());
        assertEquals("NO_ROOM", refused.json().getString("error"));
        assertEquals(before, snapshot());
    }

    @Test
    void aStreamThatRunsOutOfRoomHalfwayIs507AndLeavesNothing() throws Exception {
        Snapshot before = snapshot();

        Api.Answer refused = api.uploadRaw("endless.bin", new RandomContent(before.available() / 2 + 3 * 65536, 2), true);

        assertEquals(507, refused.status(), refused.body());
        assertEquals("NO_ROOM", refused.json().getString("error"));
        assertEquals(before, snapshot());
    }

    @Test
    void aFileOverTheMaximumUploadSizeIs413() {
        Api.Answer refused = api.upload("over-max.bin", new RandomContent(100L * 1024 * 1024 + 1, 3), false);

        assertEquals(413, refused.status(), refused.body());
        assertEquals("TOO_LARGE", refused.json().getString("error"));
    }

    /** Everything a leftover would change: storage per node, the file list, the chunk files on disk. */
    record Snapshot(JsonArray storage, JsonArray files, List<List<String>> chunkFiles) {

        long available() {
            return storage.getValuesAs(JsonObject.class).stream()
                    .mapToLong(n -> n.getJsonNumber("availableBytes").longValue()).sum();
        }
    }

    private Snapshot snapshot() throws Exception {
        List<List<String>> chunkFiles = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            chunkFiles.add(Api.chunkFiles(Api.suiteData().resolve(Path.of("nodes", "Node_0" + n))));
        }
        return new Snapshot(api.get("/api/storage/status").json().getJsonArray("nodes"),
                api.get("/api/files/list").array(), chunkFiles);
    }
}
