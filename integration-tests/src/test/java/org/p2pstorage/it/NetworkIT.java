package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
        assertEquals("lossRate must be a number from 0 up to (not including) 1", refused.json().getString("message"));
        assertEquals(404, api.put("/api/network/nodes/Node_42/link", FAST).status());
    }

    @Test
    void aLiveLinkChangeTakesEffectDuringATransfer() throws Exception {
        setAllLinks("{\"bandwidthBytesPerSecond\":16384,\"delayMinMs\":1,\"delayMaxMs\":10,\"lossRate\":0}");
        RandomContent content = new RandomContent(2 * 1024 * 1024, 5);
        CompletableFuture<Api.Answer> upload = CompletableFuture.supplyAsync(() -> api.upload("slow.bin", content, true));
        String fileId = waitForFile("slow.bin");
        JsonObject early = firstAcknowledgement(fileId);
        assertTrue(early.getJsonNumber("percent").doubleValue() < 50,
                "at 16 KiB/s per link 2 MiB needs 25.6 s of link time; the first chunk is far from the end: " + early);
        assertTrue(api.get("/api/network/nodes").array().getValuesAs(JsonObject.class).stream()
                        .anyMatch(n -> n.getString("state").equals("WAITING")),
                "nodes with chunks on their way to them are WAITING");

        setAllLinks(FAST);

        Api.Answer done = upload.get(60, TimeUnit.SECONDS);
        assertEquals(201, done.status(), done.body());
        long expectedMs = api.get("/api/transfers/" + fileId).json().getJsonNumber("expectedMs").longValue();
        assertTrue(expectedMs < 12_800, "in the link model the faster links finished the transfer early: "
                + expectedMs + " ms of link time, where the slow links alone needed 25,600 ms");
        assertEquals(content.sha256(), api.download(fileId).sha256());
        api.delete("/api/files/" + fileId);
    }

    @Test
    void aThrottledUploadIsAnsweredWhenItsBodyIsReadAndTheRestWaitsForTheLinks() throws Exception {
        setAllLinks("{\"bandwidthBytesPerSecond\":16384,\"delayMinMs\":1,\"delayMaxMs\":1,\"lossRate\":0}");
        RandomContent content = new RandomContent(1024 * 1024, 15);
        long sentBefore = gatewayBytesSent();

        Api.Answer accepted = api.uploadRaw("backlog.bin", content, false);

        assertEquals(202, accepted.status(), accepted.body());
        String fileId = accepted.json().getString("fileId");
        assertEquals("TRANSFERRING", accepted.json().getString("status"));
        assertEquals(content.sha256(), accepted.json().getString("sha256"), "the whole body was read before the answer");
        long booked = gatewayBytesSent() - sentBefore;
        assertTrue(booked < 2 * 1024 * 1024 / 4, "the links took only what their horizon allows when the body was in: "
                + booked + " of 2 MiB (two copies) booked");

        setAllLinks(FAST);
        JsonObject progress = waitUntilAvailable(fileId);
        assertEquals(progress.getInt("copiesTotal"), progress.getInt("copiesAcknowledged"), progress.toString());
        assertEquals(content.sha256(), api.download(fileId).sha256(), "every chunk that waited for the links arrived");
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
        Map<String, Long> sentBefore = nodeBytesSent();

        Api.Received download = api.download(fileId);

        assertEquals(content.sha256(), download.sha256());
        assertEquals(receivedBefore + 16 * 65536, gatewayBytesReceived(), "the gateway received every chunk");
        Map<String, Long> sentAfter = nodeBytesSent();
        Map<String, Long> perNode = new java.util.TreeMap<>();
        sentAfter.forEach((node, bytes) -> perNode.put(node, bytes - sentBefore.getOrDefault(node, 0L)));
        Map<String, Long> placed = new java.util.TreeMap<>();
        placement(fileId).forEach(node -> placed.merge(node, 65536L, Long::sum));
        assertEquals(16 * 65536L, perNode.values().stream().mapToLong(Long::longValue).sum(),
                "one copy of each chunk crossed a link: " + perNode);
        perNode.forEach((node, bytes) -> assertTrue(bytes <= placed.getOrDefault(node, 0L),
                node + " sent only chunks it holds a copy of: " + perNode + " of " + placed));
        assertTrue(perNode.values().stream().filter(b -> b > 0).count() >= 3,
                "the chunks came from several nodes at once: " + perNode);
        api.delete("/api/files/" + fileId);
    }

    /** Polls the transfer (by progress, not by time) until a node acknowledged its first chunk. */
    private JsonObject firstAcknowledgement(String fileId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonObject progress = api.get("/api/transfers/" + fileId).json();
            if (progress.getInt("chunksAcknowledged") > 0) {
                return progress;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("no chunk of " + fileId + " was acknowledged");
    }

    /** Bytes each node's interface has sent, by node id. */
    private Map<String, Long> nodeBytesSent() {
        Map<String, Long> sent = new java.util.TreeMap<>();
        api.get("/api/network/statistics").json().getJsonArray("interfaces").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("id").startsWith("Node_"))
                .forEach(i -> sent.put(i.getString("id"), i.getJsonNumber("bytesSent").longValue()));
        return sent;
    }

    private long gatewayBytesSent() {
        return api.get("/api/network/statistics").json().getJsonArray("interfaces").getJsonObject(0)
                .getJsonNumber("bytesSent").longValue();
    }

    /** Polls the transfer (by its status, not by time) until it is AVAILABLE. */
    private JsonObject waitUntilAvailable(String fileId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonObject progress = api.get("/api/transfers/" + fileId).json();
            if (!progress.getString("status").equals("TRANSFERRING")) {
                assertEquals("AVAILABLE", progress.getString("status"), progress.toString());
                return progress;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("the upload of " + fileId + " did not end");
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
