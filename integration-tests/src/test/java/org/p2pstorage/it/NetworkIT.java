package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * The simulated network: lossy links still deliver identical bytes, link settings change live, the same
 * seed gives the same trace, and a node stopped mid-transfer has its chunks re-placed.
 * The suite server's links are fast (unthrottled, 0-1 ms, 1% loss) unless a test changes them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NetworkIT {

    private static final String FAST = "{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.01}";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api api = Api.suiteAdmin();

    @AfterEach
    void fastLinksAndEveryNodeUp() {
        for (int n = 1; n <= 5; n++) {
            api.post("/api/network/nodes/Node_0" + n + "/start");
            api.put("/api/network/nodes/Node_0" + n + "/link", FAST);
        }
    }

    @Test
    void lossyLinksStillDeliverIdenticalBytesAndCountRetransmissions() throws Exception {
        setAllLinks("{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.15}");
        long retransmissionsBefore = totalRetransmissions();
        RandomContent content = new RandomContent(2_621_440, 99);

        Api.Answer upload = api.upload("lossy.bin", content, true);

        assertEquals(201, upload.status(), upload.body());
        String fileId = upload.json().getString("fileId");
        JsonObject progress = api.get("/api/transfers/" + fileId).json();
        assertTrue(progress.getInt("retransmissions") > 0, "with 15% loss some of 40 chunks were sent again");
        assertEquals(100.0, progress.getJsonNumber("percent").doubleValue());
        assertEquals(40, progress.getInt("chunksAcknowledged"));
        assertEquals(retransmissionsBefore + progress.getInt("retransmissions"), totalRetransmissions());
        assertEquals(content.sha256(), api.download(fileId).sha256(), "the download crossed the lossy links too");
        JsonObject gateway = api.get("/api/network/statistics").json().getJsonArray("interfaces").getJsonObject(0);
        assertTrue(gateway.getJsonNumber("measuredLossRate").doubleValue() > 0);
        api.delete("/api/files/" + fileId);
    }

    @Test
    void linkSettingsAreReadChangedAndValidated() {
        Api.Answer changed = api.put("/api/network/nodes/Node_02/link",
                "{\"bandwidthBytesPerSecond\":131072,\"delayMinMs\":2,\"delayMaxMs\":8,\"lossRate\":0.05}");
        assertEquals(200, changed.status(), changed.body());

        JsonObject link = api.get("/api/network/nodes/Node_02/link").json();
        assertEquals(131072, link.getJsonNumber("bandwidthBytesPerSecond").longValue());
        assertEquals(2, link.getInt("delayMinMs"));
        assertEquals(8, link.getInt("delayMaxMs"));
        assertEquals(0.05, link.getJsonNumber("lossRate").doubleValue());

        Api.Answer refused = api.put("/api/network/nodes/Node_02/link", "{\"lossRate\":1.5}");
        assertEquals(400, refused.status());
        assertEquals("lossRate must be at least 0 and below 1", refused.json().getString("message"));
        assertEquals(404, api.put("/api/network/nodes/Node_42/link", FAST).status());
    }

    @Test
    void aLiveLinkChangeTakesEffectDuringATransfer() throws Exception {
        setAllLinks("{\"bandwidthBytesPerSecond\":65536,\"delayMinMs\":1,\"delayMaxMs\":10,\"lossRate\":0}");
        RandomContent content = new RandomContent(2 * 1024 * 1024, 5);
        long started = System.nanoTime();
        CompletableFuture<Api.Answer> upload = CompletableFuture.supplyAsync(() -> api.upload("slow.bin", content, true));
        String fileId = waitForFile("slow.bin");
        TimeUnit.MILLISECONDS.sleep(1500);
        JsonObject early = api.get("/api/transfers/" + fileId).json();
        assertTrue(early.getJsonNumber("percent").doubleValue() < 50,
                "at 64 KiB/s per link 2 MiB needs 6.4 s; after 1.5 s it is far from done: " + early);
        assertTrue(api.get("/api/network/nodes").array().getValuesAs(JsonObject.class).stream()
                        .anyMatch(n -> n.getString("state").equals("WAITING")),
                "nodes with chunks on their way to them are WAITING");

        setAllLinks(FAST);

        Api.Answer done = upload.get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(201, done.status(), done.body());
        assertTrue(seconds < 5.5, "the faster links finished the transfer early: " + seconds + " s, not 6.4 s");
        assertEquals(content.sha256(), api.download(fileId).sha256());
        api.delete("/api/files/" + fileId);
    }

    @Test
    void theSameSeedAndWorkloadGiveTheSamePlacementAndLossTrace() throws Exception {
        setAllLinks("{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.2}");
        RandomContent content = new RandomContent(20 * 65536, 1234);
        assertEquals(7, api.get("/api/network/statistics").json().getInt("seed"));

        String first = api.upload("trace-1.bin", content, true).json().getString("fileId");
        List<String> firstTrace = dataTrace(40);
        String second = api.upload("trace-2.bin", content, true).json().getString("fileId");
        List<String> secondTrace = dataTrace(40);

        assertEquals(placement(first), placement(second), "the same free room and seed: the same placement");
        assertEquals(firstTrace, secondTrace, "the same chunks lost, the same number of times");
        assertTrue(firstTrace.stream().anyMatch(e -> e.endsWith("lost")), "20% loss shows in the trace");
        api.delete("/api/files/" + first);
        api.delete("/api/files/" + second);
    }

    @Test
    void aNodeStoppedMidTransferHasItsChunksPlacedElsewhere() throws Exception {
        api.put("/api/network/nodes/Node_02/link", "{\"bandwidthBytesPerSecond\":65536,\"delayMinMs\":1,\"delayMaxMs\":1,\"lossRate\":0}");
        RandomContent content = new RandomContent(40 * 65536, 17);
        CompletableFuture<Api.Answer> upload = CompletableFuture.supplyAsync(() -> api.upload("moving.bin", content, true));
        waitForFile("moving.bin");
        TimeUnit.MILLISECONDS.sleep(300);

        api.post("/api/network/nodes/Node_02/stop");

        Api.Answer done = upload.get(60, TimeUnit.SECONDS);
        assertEquals(201, done.status(), done.body());
        String fileId = done.json().getString("fileId");
        List<String> nodes = placement(fileId);
        long onStopped = nodes.stream().filter("Node_02"::equals).count();
        assertTrue(onStopped < 16, "Node_02 kept only what it had before it stopped: " + onStopped);
        api.post("/api/network/nodes/Node_02/start");
        assertEquals(content.sha256(), api.download(fileId).sha256());
        api.delete("/api/files/" + fileId);
    }

    @Test
    void downloadsCrossTheNetworkToo() throws Exception {
        RandomContent content = new RandomContent(16 * 65536, 3);
        String fileId = api.upload("down.bin", content, true).json().getString("fileId");
        setAllLinks("{\"bandwidthBytesPerSecond\":262144,\"delayMinMs\":1,\"delayMaxMs\":1,\"lossRate\":0}");
        long receivedBefore = gatewayBytesReceived();

        long started = System.nanoTime();
        Api.Received download = api.download(fileId);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(content.sha256(), download.sha256());
        assertEquals(receivedBefore + 16 * 65536, gatewayBytesReceived(), "the gateway received every chunk");
        assertTrue(seconds >= 0.9 && seconds < 5,
                "16 chunks over 5 links of 256 KiB/s: the busiest link carries 4, which takes 1 s; took " + seconds);
        api.delete("/api/files/" + fileId);
    }

    private long gatewayBytesReceived() {
        return api.get("/api/network/statistics").json().getJsonArray("interfaces").getJsonObject(0)
                .getJsonNumber("bytesReceived").longValue();
    }

    private void setAllLinks(String json) {
        for (int n = 1; n <= 5; n++) {
            assertEquals(200, api.put("/api/network/nodes/Node_0" + n + "/link", json).status());
        }
    }

    private long totalRetransmissions() {
        return api.get("/api/network/statistics").json().getJsonObject("total").getJsonNumber("retransmissions").longValue();
    }

    private String waitForFile(String name) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (JsonObject file : api.get("/api/files/list").array().getValuesAs(JsonObject.class)) {
                if (file.getString("name").equals(name)) {
                    return file.getString("fileId");
                }
            }
            TimeUnit.MILLISECONDS.sleep(25);
        }
        throw new AssertionError(name + " never appeared in the file list");
    }

    private List<String> placement(String fileId) {
        return api.copies(fileId).stream().map(Api.Copy::node).toList();
    }

    /** The last upload's DATA packets: destination, sequence number, checksum and whether it was lost. */
    private List<String> dataTrace(int chunks) {
        List<JsonObject> data = api.get("/api/network/events?limit=500").array().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals("DATA")).toList();
        int lastUpload = 0;
        long seen = 0;
        for (int i = data.size() - 1; i >= 0 && seen < chunks; i--) {
            if (!data.get(i).getBoolean("lost")) {
                seen++;
            }
            lastUpload = i;
        }
        return data.subList(lastUpload, data.size()).stream()
                .map(e -> e.getString("destination") + " " + e.getJsonNumber("seq") + " " + e.getJsonNumber("checksum")
                        + (e.getBoolean("lost") ? " lost" : " ok"))
                .toList();
    }
}
