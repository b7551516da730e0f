package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server is killed (SIGKILL, no shutdown of any kind) while 20 uploads cross throttled links, then
 * started again. Every file that was AVAILABLE downloads identical; every interrupted upload ends either
 * AVAILABLE (all its chunks had been sent: the broker delivers the rest) and identical, or FAILED with
 * nothing left on the nodes; no chunk file is left that the catalog does not list; every node's used
 * bytes are its chunk files; and no acknowledgement redelivered by the broker was counted twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrashIT {

    private static final String SERVER = RecoveryIT.SERVER;
    private static final String EAR = "crash-ear";

    @Deployment(name = EAR, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Test
    void aServerKilledDuringUploadsLosesNothingAndLeavesNothing() throws Exception {
        RecoveryIT.deleteTree(RecoveryIT.data());
        Api admin = Api.restart().signedUp("crash");
        controller.start(SERVER);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            deployer.deploy(EAR);
            Map<String, RandomContent> contents = new HashMap<>();
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RandomContent content = new RandomContent(300_000 + i, 700 + i);
                String id = admin.upload("before-" + i + ".bin", content, true).json().getString("fileId");
                before.add(id);
                contents.put("before-" + i + ".bin", content);
            }
            for (int n = 1; n <= 3; n++) {
                assertEquals(200, admin.put("/api/network/nodes/Node_0" + n + "/link",
                        "{\"bandwidthBytesPerSecond\":524288,\"delayMinMs\":1,\"delayMaxMs\":5,\"lossRate\":0}").status());
            }
            for (int i = 0; i < 20; i++) {
                String name = "during-" + i + ".bin";
                RandomContent content = new RandomContent(200_000 + 1000L * i, 800 + i);
                contents.put(name, content);
                CompletableFuture.runAsync(() -> admin.upload(name, content, false), clients);
            }
            DurabilityIT.awaitTrue(() -> admin.get("/api/files/list").array().getValuesAs(JsonObject.class).stream()
                    .anyMatch(f -> f.getString("name").startsWith("during-") && f.getString("status").equals("AVAILABLE")),
                    "uploads under way, some of them done");

            killHard();
            controller.start(SERVER);
            DurabilityIT.awaitTrue(() -> admin.get("/api/files/list").status() == 200, "the application is deployed again");

            DurabilityIT.awaitTrue(() -> admin.get("/api/files/list").array().getValuesAs(JsonObject.class).stream()
                    .noneMatch(f -> f.getString("status").equals("TRANSFERRING")), "every upload has ended one way or the other");
            List<JsonObject> files = admin.get("/api/files/list").array().getValuesAs(JsonObject.class);
            for (String id : before) {
                JsonObject file = files.stream().filter(f -> f.getString("fileId").equals(id)).findFirst().orElseThrow();
                assertEquals("AVAILABLE", file.getString("status"));
            }
            Set<String> listed = new HashSet<>();
            int available = 0;
            for (JsonObject file : files) {
                String id = file.getString("fileId");
                if (file.getString("status").equals("AVAILABLE")) {
                    available++;
                    assertEquals(contents.get(file.getString("name")).sha256(), admin.download(id).sha256(), file.getString("name"));
                    JsonObject details = admin.get("/api/files/" + id).json();
                    assertEquals(details.getInt("chunks"), details.getInt("chunksAcknowledged"));
                    for (JsonObject chunk : details.getJsonArray("chunkMap").getValuesAs(JsonObject.class)) {
                        List<JsonObject> copies = chunk.getJsonArray("copies").getValuesAs(JsonObject.class);
                        assertEquals(2, copies.size(), "two copies of chunk " + chunk.getInt("index") + " of " + id);
                        copies.forEach(c -> {
                            assertEquals("STORED", c.getString("state"));
                            listed.add(c.getString("node") + "/" + String.format("%s_chunk_%05d.bin", id, chunk.getInt("index")));
                        });
                    }
                }
            }
            assertTrue(available >= 3, "the files from before the crash, at least");
            DurabilityIT.awaitTrue(() -> chunkFilesOnDisk().equals(listed), "no chunk file the catalog does not list");
            for (JsonObject node : admin.get("/api/storage/status").json().getJsonArray("nodes").getValuesAs(JsonObject.class)) {
                Path folder = RecoveryIT.data().resolve("nodes").resolve(node.getString("id"));
                assertEquals(Api.bytesOnDisk(folder), node.getJsonNumber("usedBytes").longValue(), node.getString("id"));
            }
            deployer.undeploy(EAR);
        } finally {
            clients.shutdownNow();
            controller.stop(SERVER);
        }
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no undeploy, nothing flushed. */
    private void killHard() throws InterruptedException {
        String base = "jboss.server.base.dir=" + Path.of(System.getProperty("it.servers")).resolve(SERVER);
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(base)).orElse(false)).toList();
        assertEquals(1, servers.size(), "one server process to kill");
        servers.get(0).destroyForcibly();
        servers.get(0).onExit().join();
        controller.kill(SERVER);
    }

    private static Set<String> chunkFilesOnDisk() {
        Set<String> found = new HashSet<>();
        try (Stream<Path> nodes = Files.list(RecoveryIT.data().resolve("nodes"))) {
            for (Path node : nodes.toList()) {
                for (String chunk : Api.chunkFiles(node)) {
                    found.add(node.getFileName() + "/" + chunk);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
