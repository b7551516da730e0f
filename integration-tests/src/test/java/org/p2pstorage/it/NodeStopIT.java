package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A stopped node gets nothing, shows as DEAD, and a download that needs it says so. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeStopIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api api = Api.suiteAdmin();

    @AfterEach
    void startEveryNode() {
        for (int n = 1; n <= 5; n++) {
            api.post("/api/network/nodes/Node_0" + n + "/start");
        }
    }

    @Test
    void aStoppedNodeReceivesNothingAndIsDead() {
        Api.Answer stopped = api.post("/api/network/nodes/Node_03/stop");
        assertEquals(200, stopped.status());
        assertEquals("STOPPED", stopped.json().getString("state"));
        int segmentsBefore = api.get("/api/network/nodes/Node_03").json().getInt("segments");

        Api.Answer upload = api.upload("around-node-3.bin", new RandomContent(1_000_000, 21), true);

        assertEquals(201, upload.status(), upload.body());
        String fileId = upload.json().getString("fileId");
        var copies = api.copies(fileId);
        assertEquals(32, copies.size(), "16 chunks, 2 copies each");
        assertTrue(copies.stream().noneMatch(c -> c.node().equals("Node_03")), "nothing on Node_03");
        assertEquals(segmentsBefore, api.get("/api/network/nodes/Node_03").json().getInt("segments"));

        JsonObject health = api.get("/api/network/health").json();
        assertEquals("DEAD", health.getString("Node_03"));
        assertEquals("ALIVE", health.getString("Node_01"));
        assertEquals(4, health.getInt("alive"));
        assertEquals(1, health.getInt("dead"));
        api.delete("/api/files/" + fileId);
    }

    @Test
    void aDownloadThatNeedsEveryCopyOfAChunkFailsClearlyUntilOneIsBack() throws Exception {
        RandomContent content = new RandomContent(400_000, 33);
        String fileId = api.upload("needs-all.bin", content, true).json().getString("fileId");
        List<String> holders = api.copies(fileId).stream().filter(c -> c.index() == 0).map(Api.Copy::node).toList();
        assertEquals(2, holders.size());
        holders.forEach(node -> api.post("/api/network/nodes/" + node + "/stop"));

        assertEquals("unavailable", api.get("/api/files/" + fileId).json().getString("health"));
        Api.Received refused = api.download(fileId);

        assertEquals(503, refused.status());
        JsonObject error = Api.parse(refused.body()).asJsonObject();
        assertEquals("UNAVAILABLE", error.getString("error"));
        assertEquals("chunk 0 of needs-all.bin (" + fileId + ") is on " + holders.get(0) + " and " + holders.get(1)
                + ", which are stopped", error.getString("message"));

        api.post("/api/network/nodes/" + holders.get(0) + "/start");
        assertEquals(content.sha256(), api.download(fileId).sha256());
        api.delete("/api/files/" + fileId);
    }

    @Test
    void anUnknownNodeIs404() {
        Api.Answer answer = api.post("/api/network/nodes/Node_99/stop");
        assertEquals(404, answer.status());
        assertEquals("NOT_FOUND", answer.json().getString("error"));
    }
}
