package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A storage network that survives what storage networks meet: a node lost (downloads go on from the other
 * copies, repair brings every chunk back to two copies after the grace, 2 s on the suite server), a bit
 * flipped in a copy that is read (the reader takes the other copy, repair replaces the bad one) or never read
 * (the scrubber finds it), and a repair that takes as long as the link model says.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DurabilityIT {

    private static final String UNTHROTTLED = "{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.01}";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api admin = Api.suiteAdmin();
    private final Api user = Api.suiteUser();
    private final List<String> files = new ArrayList<>();

    @AfterEach
    void restoreTheNetwork() {
        for (int n = 1; n <= 5; n++) {
            admin.post("/api/network/nodes/Node_0" + n + "/start");
            admin.put("/api/network/nodes/Node_0" + n + "/link", UNTHROTTLED);
        }
        files.forEach(id -> {
            user.delete("/api/files/" + id);
            admin.delete("/api/files/" + id);
        });
    }

    private String upload(Api api, String name, RandomContent content) {
        Api.Answer answer = api.upload(name, content, true);
        assertEquals(201, answer.status(), answer.body());
        String fileId = answer.json().getString("fileId");
        files.add(fileId);
        return fileId;
    }

    @Test
    void aLostNodeLeavesFilesDegradedButReadableUntilRepairMakesThemHealthy() throws Exception {
        RandomContent content = new RandomContent(1_000_000, 91);
        String fileId = upload(user, "survivor.bin", content);
        String lost = user.copies(fileId).get(0).node();

        admin.post("/api/network/nodes/" + lost + "/stop");

        assertEquals("degraded", health(fileId), "one copy of some chunks is on the stopped node");
        assertEquals(content.sha256(), user.download(fileId).sha256(), "read from the other copies");
        awaitTrue(() -> "healthy".equals(health(fileId)), "repair after the grace makes the file healthy");
        Map<Integer, List<Api.Copy>> byChunk = user.copies(fileId).stream()
                .filter(c -> c.state().equals("STORED")).collect(Collectors.groupingBy(Api.Copy::index));
        assertEquals(16, byChunk.size());
        for (List<Api.Copy> copies : byChunk.values()) {
            assertEquals(2, copies.size(), "two stored copies on live nodes: " + copies);
            for (Api.Copy copy : copies) {
                assertNotEquals(lost, copy.node());
                assertTrue(Files.exists(copy.file(fileId)), "repaired copy on disk: " + copy.file(fileId));
            }
        }
        assertEquals(content.sha256(), user.download(fileId).sha256());

        admin.post("/api/network/nodes/" + lost + "/start");
        awaitTrue(() -> user.copies(fileId).size() == 32, "the node back, copies above two per chunk are removed");
        assertEquals("healthy", health(fileId));
        awaitTrue(this::usedBytesMatchTheDisks, "every node's used bytes are its chunk files");
    }

    @Test
    void aFlippedBitInACopyThatIsReadIsSkippedAndRepaired() throws Exception {
        RandomContent content = new RandomContent(3 * 65536, 92);
        String fileId = upload(user, "flipped.bin", content);
        Api.Copy bad = user.copies(fileId).stream().filter(c -> c.index() == 1).findFirst().orElseThrow();
        long badBefore = admin.get("/api/repair").json().getJsonNumber("badCopiesFound").longValue();
        flipByte(bad.file(fileId));

        assertEquals(content.sha256(), user.download(fileId).sha256(), "the damaged copy was skipped for a good one");

        assertTrue(admin.get("/api/repair").json().getJsonNumber("badCopiesFound").longValue() > badBefore);
        awaitTrue(() -> everyCopyOnDiskIsGood(fileId) && user.copies(fileId).size() == 6,
                "the bad copy is replaced by a good one");
    }

    @Test
    void aFlippedBitThatNobodyReadsIsFoundByTheScrubberAndRepaired() throws Exception {
        RandomContent content = new RandomContent(4 * 65536, 93);
        String fileId = upload(user, "unread.bin", content);
        Api.Copy bad = user.copies(fileId).get(5);
        flipByte(bad.file(fileId));
        JsonObject before = admin.get("/api/scrub").json();

        Api.Answer started = admin.post("/api/scrub");
        assertEquals(200, started.status(), started.body());
        assertEquals(403, user.post("/api/scrub").status(), "only admins start a pass");

        awaitTrue(() -> admin.get("/api/scrub").json().getJsonNumber("passes").longValue() > before.getJsonNumber("passes").longValue(),
                "the pass completes");
        JsonObject after = admin.get("/api/scrub").json();
        assertTrue(after.getJsonNumber("errorsFound").longValue() > before.getJsonNumber("errorsFound").longValue(), after.toString());
        awaitTrue(() -> admin.get("/api/scrub").json().getJsonNumber("errorsRepaired").longValue()
                > before.getJsonNumber("errorsRepaired").longValue(), "the bad copy is repaired");
        awaitTrue(() -> everyCopyOnDiskIsGood(fileId) && user.copies(fileId).size() == 8 && "healthy".equals(health(fileId)),
                "two good copies of every chunk");
        assertEquals(content.sha256(), user.download(fileId).sha256());
    }

    @Test
    void aRepairTakesAsLongAsTheLinkModelSays() throws Exception {
        RandomContent content = new RandomContent(4 * 1024 * 1024, 94);
        String fileId = upload(user, "repair-timing.bin", content);
        Map<String, Long> perNode = user.copies(fileId).stream()
                .collect(Collectors.groupingBy(Api.Copy::node, Collectors.counting()));
        String lost = perNode.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long bandwidth = 256 * 1024;
        for (int n = 1; n <= 5; n++) {
            admin.put("/api/network/nodes/Node_0" + n + "/link",
                    "{\"bandwidthBytesPerSecond\":" + bandwidth + ",\"delayMinMs\":1,\"delayMaxMs\":1,\"lossRate\":0}");
        }
        Instant stopped = Instant.now();

        admin.post("/api/network/nodes/" + lost + "/stop");

        awaitTrue(() -> {
            JsonObject run = admin.get("/api/repair").json().getJsonObject("lastRun");
            return run != null && Instant.parse(run.getString("startedAt")).isAfter(stopped);
        }, "a round of repair finishes");
        JsonObject status = admin.get("/api/repair").json();
        JsonObject run = status.getJsonObject("lastRun");
        double share = status.getJsonNumber("share").doubleValue();
        long model = run.getJsonNumber("modelMs").longValue();
        long actual = run.getJsonNumber("actualMs").longValue();
        long bytes = run.getJsonNumber("bytes").longValue();
        assertEquals(perNode.get(lost).longValue(), run.getJsonNumber("copies").longValue(), "one copy per lost copy");
        assertTrue(model >= 0.95 * bytes * 1000 / (4 * share * bandwidth),
                "the four live links, at repair's share, cannot move " + bytes + " bytes faster: model " + model + " ms");
        assertTrue(Math.abs(actual - model) <= 0.05 * model,
                "the repair took " + actual + " ms; the link model says " + model + " ms");
        assertEquals("healthy", health(fileId));
    }

    private String health(String fileId) {
        return user.get("/api/files/" + fileId).json().getString("health");
    }

    private boolean everyCopyOnDiskIsGood(String fileId) {
        JsonObject details = user.get("/api/files/" + fileId).json();
        for (JsonObject chunk : details.getJsonArray("chunkMap").getValuesAs(JsonObject.class)) {
            for (JsonObject copy : chunk.getJsonArray("copies").getValuesAs(JsonObject.class)) {
                Path file = new Api.Copy(chunk.getInt("index"), chunk.getInt("size"), copy.getString("node"),
                        copy.getString("state")).file(fileId);
                try (InputStream in = Files.newInputStream(file)) {
                    if (!Digests.sha256(in).equals(chunk.getString("sha256"))) {
                        return false;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean usedBytesMatchTheDisks() {
        try {
            for (JsonObject node : admin.get("/api/storage/status").json().getJsonArray("nodes").getValuesAs(JsonObject.class)) {
                Path folder = Api.suiteData().resolve("nodes").resolve(node.getString("id"));
                if (Api.bytesOnDisk(folder) != node.getJsonNumber("usedBytes").longValue()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void flipByte(Path chunk) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(chunk.toFile(), "rw")) {
            file.seek(100);
            int b = file.read();
            file.seek(100);
            file.write(b ^ 0x01);
        }
    }

    /** Polls (at most 60 s) until the condition holds; a condition that never holds fails the test. */
    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, what, 60);
    }

    /** Polls (at most {@code seconds}) until the condition holds; a condition that never holds fails the test. */
    static void awaitTrue(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 10; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never happened: " + what);
    }
}
