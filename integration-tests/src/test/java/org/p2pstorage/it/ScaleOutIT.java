package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * p2p-storage past one machine: two WildFly servers on one PostgreSQL and one standalone Artemis broker, started
 * by {@code scale-out/start.sh} (server-a hosts Node_01-Node_03, server-b Node_04-Node_05) and stopped by
 * {@code scale-out/stop.sh} whatever happens. The tests are in groups: what the shared engines give (both
 * servers serve, accounts and files are in the one database); what needs each server to host only its own
 * nodes ({@code P2P_HOSTED_NODES}: chunks crossing the broker to the server whose node holds them, both ways);
 * and losing a server (killed, its nodes dead for the other, repaired from the other's copies, back again).
 */
class ScaleOutIT {

    private static final String ADMIN = "admin";
    private static final List<String> SERVER_A_NODES = List.of("Node_01", "Node_02", "Node_03");
    private static final List<String> SERVER_B_NODES = List.of("Node_04", "Node_05");

    /** How long server-a waits for a silent server-b before it gives up server-b's uploads. */
    private static final long ORPHAN_GRACE_MS = 8_000;

    /** Quick links (unthrottled, 0-1 ms), small nodes; "admin" is the admin; each Api client has its own address. */
    private static final ScaleOut TOPOLOGY = new ScaleOut(Map.ofEntries(
            Map.entry("P2P_NODES", "5"),
            Map.entry("P2P_NODE_CAPACITY", "64MB"),
            Map.entry("P2P_LINK_BANDWIDTH", "0"),
            Map.entry("P2P_LINK_DELAY_MIN_MS", "0"),
            Map.entry("P2P_LINK_DELAY_MAX_MS", "1"),
            Map.entry("P2P_USER_QUOTA", "1GB"),
            Map.entry("P2P_REPAIR_GRACE", "3s"),
            Map.entry("P2P_ORPHAN_UPLOAD_GRACE_MS", String.valueOf(ORPHAN_GRACE_MS)),
            Map.entry("P2P_ADMIN", ADMIN),
            Map.entry("P2P_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1"),
            Map.entry("P2P_SCALE_OUT_JAVA_OPTS", "-Xms256m -Xmx768m"),
            Map.entry("P2P_BROKER_MEMORY", "256M")));

    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        TOPOLOGY.start();
    }

    @AfterAll
    static void stop() throws Exception {
        TOPOLOGY.close();
    }

    private static Api serverA() {
        return TOPOLOGY.server(0);
    }

    private static Api serverB() {
        return TOPOLOGY.server(1);
    }

    @Nested
    @DisplayName("One database and one broker for both servers")
    class SharedEngines {

        @Test
        void bothServersAreReadyAndServeTheApi() {
            for (int server = 0; server < 2; server++) {
                Api.Answer ready = TOPOLOGY.management(server).get("/health/ready");
                assertEquals(200, ready.status(), ready.body());
                assertEquals("UP", ready.json().getString("status"));
                assertEquals(401, TOPOLOGY.server(server).get("/api/files/list").status(), "the API answers, signed in only");
                Api user = TOPOLOGY.server(server).signedUp("up");
                Api.Answer health = user.get("/api/network/health");
                assertEquals(200, health.status(), health.body());
                assertEquals(5, health.json().getInt("total"), "every server knows all five nodes");
            }
        }

        /** The route a load balancer keeps a browser's portal session on (docker/nginx.conf maps it). */
        @Test
        void eachServerNamesItselfInItsSessionCookies() {
            for (int server = 0; server < 2; server++) {
                String cookie = TOPOLOGY.server(server).get("/account/signin.xhtml").header("Set-Cookie");
                assertNotNull(cookie, "a portal page starts a session");
                String session = cookie.split(";")[0];
                assertTrue(session.startsWith("JSESSIONID=") && session.endsWith(".server-" + (char) ('a' + server)), cookie);
            }
        }

        @Test
        void anAccountRegisteredThroughASignsInThroughB() {
            String name = Api.uniqueName("roamer");
            assertEquals(201, serverA().register(name, name + "@p2p.test", Api.PASSWORD).status());

            Api.Answer login = serverB().login(name, Api.PASSWORD);
            assertEquals(200, login.status(), login.body());
            assertEquals(200, serverB().withToken(login.json().getString("token")).get("/api/files/list").status());

            String tokenFromA = serverA().login(name, Api.PASSWORD).json().getString("token");
            assertEquals(200, serverB().withToken(tokenFromA).get("/api/files/list").status(), "a session of A is one of B");
        }

        @Test
        void aFileUploadedThroughAIsInTheCatalogOfB() throws Exception {
            Api alice = serverA().signedUp("alice");
            RandomContent content = new RandomContent(700_000, 12);
            Api.Answer upload = alice.upload("shared.bin", content, true);
            assertEquals(201, upload.status(), upload.body());
            assertEquals("AVAILABLE", upload.json().getString("status"));
            String fileId = upload.json().getString("fileId");

            JsonObject seenByB = serverB().withToken(alice.token()).get("/api/files/" + fileId).json();
            assertEquals("AVAILABLE", seenByB.getString("status"));
            assertEquals(content.sha256(), seenByB.getString("sha256"));
            assertEquals(200, alice.delete("/api/files/" + fileId).status());
        }
    }

    @Nested
    @DisplayName("Nodes on their servers (P2P_HOSTED_NODES): every chunk crosses the broker to its node's server")
    class NodesOnTheirServers {

        @Test
        void aFileUploadedThroughADownloadsThroughAAndBByteIdentical() throws Exception {
            Api bob = serverA().signedUp("bob");
            RandomContent content = new RandomContent(2_000_000, 34);
            Api.Answer upload = bob.upload("both-ways.bin", content, true);
            assertEquals(201, upload.status(), upload.body());
            String fileId = upload.json().getString("fileId");

            Api.Received throughA = bob.download(fileId);
            assertEquals(200, throughA.status(), throughA.body());
            assertEquals(content.sha256(), throughA.sha256());
            Api.Received throughB = serverB().withToken(bob.token()).download(fileId);
            assertEquals(200, throughB.status(), throughB.body());
            assertFalse(throughB.broken());
            assertEquals(content.sha256(), throughB.sha256());
            assertEquals(200, bob.delete("/api/files/" + fileId).status());
        }

        @Test
        void everyCopyIsOnTheDiskOfTheServerHostingItsNode() throws Exception {
            Api carol = serverB().signedUp("carol");
            RandomContent content = new RandomContent(2_000_000, 56);
            Api.Answer upload = carol.upload("spread.bin", content, true);
            assertEquals(201, upload.status(), upload.body());
            String fileId = upload.json().getString("fileId");

            List<Api.Copy> copies = carol.copies(fileId);
            assertEquals(62, copies.size(), "31 chunks, 2 copies each");
            Set<String> nodes = copies.stream().map(Api.Copy::node).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(nodes.stream().anyMatch(SERVER_A_NODES::contains), "copies on server-a's nodes: " + nodes);
            assertTrue(nodes.stream().anyMatch(SERVER_B_NODES::contains), "copies on server-b's nodes: " + nodes);
            for (Api.Copy copy : copies) {
                boolean onA = SERVER_A_NODES.contains(copy.node());
                Path chunk = Path.of("nodes", copy.node(), String.format("%s_chunk_%05d.bin", fileId, copy.index()));
                assertTrue(Files.exists(TOPOLOGY.data(onA ? "server-a" : "server-b").resolve(chunk)), "on its server: " + chunk);
                assertFalse(Files.exists(TOPOLOGY.data(onA ? "server-b" : "server-a").resolve(chunk)), "not on the other: " + chunk);
            }
            assertEquals(200, carol.delete("/api/files/" + fileId).status());
        }

        @Test
        void everyNodesLinkStatisticsAreTheSameThroughBothServersAsItsHostCountsThem() throws Exception {
            Api dave = serverA().signedUp("dave");
            Api daveOnB = serverB().withToken(dave.token());
            List<String> files = List.of(
                    dave.upload("counted-a.bin", new RandomContent(1_500_000, 71), true).json().getString("fileId"),
                    daveOnB.upload("counted-b.bin", new RandomContent(1_500_000, 72), true).json().getString("fileId"));
            try {
                Map<String, Long> stored = new java.util.TreeMap<>(); // bytes of these two files on each node
                for (String fileId : files) {
                    dave.copies(fileId).forEach(copy -> stored.merge(copy.node(), (long) copy.size(), Long::sum));
                }
                for (String node : List.of("Node_01", "Node_04")) {
                    // each server's own bookings saw only its own upload's copies; the host books both servers' copies
                    String onA = until(() -> received(serverA(), dave, node), seen -> seen.equals(received(serverB(), dave, node)), 15);
                    assertEquals(received(serverB(), dave, node), onA, node + ": the same figures through A and B");
                    long bytes = Long.parseLong(onA.split(" ")[0]);
                    assertTrue(bytes >= stored.getOrDefault(node, 0L),
                            node + " received " + bytes + " bytes, at least the " + stored.get(node) + " of both uploads");
                }
            } finally {
                files.forEach(fileId -> dave.delete("/api/files/" + fileId));
            }
        }

        @Test
        void aNodeStoppedThroughBIsStoppedForA() {
            Api throughB = admin(serverB());
            Api throughA = serverA().withToken(throughB.token());
            try {
                Api.Answer stopped = throughB.post("/api/network/nodes/Node_02/stop");
                assertEquals(200, stopped.status(), stopped.body());
                assertEquals("STOPPED", until(() -> state(throughA, "Node_02"), "STOPPED"::equals, 10),
                        "stopped through B (an order to A, which hosts it), STOPPED for A");
            } finally {
                throughB.post("/api/network/nodes/Node_02/start");
            }
            assertNotEquals("STOPPED", until(() -> state(throughA, "Node_02"), state -> !"STOPPED".equals(state), 10),
                    "started through B");
        }

        /**
         * One node left, Node_04 (server-b's), on a 128 KiB/s link: server-a's upload to it crosses the broker to
         * server-b, which books it on its clock of that link, the one server-b's own upload books too. The two
         * uploads together cannot end before the link model's time for all their bytes (without the sharing each
         * server would play the link at full speed for its own upload, in half that time). Downloading the two files,
         * one through each server, sends both from Node_04 by its host's count (which every server shows).
         */
        @Test
        void twoServersUploadingToOneNodeShareItsLink() throws Exception {
            Api adminA = admin(serverA());
            Api adminB = admin(serverB());
            List<String> others = List.of("Node_01", "Node_02", "Node_03", "Node_05");
            long bandwidth = 128 * 1024;
            Api dave = serverA().signedUp("dave");
            Api daveOnB = serverB().withToken(dave.token());
            try {
                others.forEach(node -> assertEquals(200, adminA.post("/api/network/nodes/" + node + "/stop").status()));
                for (Api server : List.of(adminA, adminB)) {
                    for (String node : others) {
                        assertEquals("STOPPED", until(() -> state(server, node), "STOPPED"::equals, 10), node);
                    }
                }
                Api.Answer link = adminA.put("/api/network/nodes/Node_04/link",
                        "{\"bandwidthBytesPerSecond\":" + bandwidth + ",\"delayMinMs\":0,\"delayMaxMs\":0,\"lossRate\":0}");
                assertEquals(200, link.status(), link.body());
                for (Api server : List.of(adminA, adminB)) {
                    assertEquals(bandwidth, until(() -> server.get("/api/network/nodes/Node_04/link").json()
                            .getJsonNumber("bandwidthBytesPerSecond").longValue(), b -> b == bandwidth, 10),
                            "every server books Node_04's link as its host plays it");
                }
                RandomContent first = new RandomContent(384 * 1024, 71);
                RandomContent second = new RandomContent(384 * 1024, 72);
                java.util.concurrent.CompletableFuture<Api.Answer> throughA =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> dave.upload("through-a.bin", first, true));
                java.util.concurrent.CompletableFuture<Api.Answer> throughB =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> daveOnB.upload("through-b.bin", second, true));
                List<JsonObject> files = new java.util.ArrayList<>();
                for (Api.Answer upload : List.of(throughA.get(), throughB.get())) {
                    assertEquals(201, upload.status(), upload.body());
                    files.add(dave.get("/api/files/" + upload.json().getString("fileId")).json());
                }
                for (JsonObject file : files) {
                    assertTrue(dave.copies(file.getString("fileId")).stream().allMatch(c -> c.node().equals("Node_04")), file.toString());
                }
                java.time.Instant start = files.stream().map(f -> java.time.Instant.parse(f.getString("createdAt")))
                        .min(java.util.Comparator.naturalOrder()).orElseThrow();
                java.time.Instant end = files.stream().map(f -> java.time.Instant.parse(f.getString("completedAt")))
                        .max(java.util.Comparator.naturalOrder()).orElseThrow();
                long modelMs = (first.size() + second.size()) * 1000L / bandwidth; // 6 s for both on one link
                long tookMs = java.time.Duration.between(start, end).toMillis();
                assertTrue(tookMs >= modelMs * 98 / 100, "both uploads took " + tookMs + " ms from the first start to"
                        + " the last answer; the link model gives at least " + modelMs + " ms for their bytes on one link");

                // Downloads through both servers share Node_04's link back too: server-b, its host, books server-a's reads.
                long sentBefore = sent(adminB, "Node_04");
                java.util.concurrent.CompletableFuture<Api.Received> downA = downloading(dave, files.get(0).getString("fileId"));
                java.util.concurrent.CompletableFuture<Api.Received> downB = downloading(daveOnB, files.get(1).getString("fileId"));
                assertEquals(first.sha256(), downA.get().sha256());
                assertEquals(second.sha256(), downB.get().sha256());
                long both = first.size() + second.size();
                for (Api server : List.of(adminA, adminB)) {
                    long sent = until(() -> sent(server, "Node_04"), n -> n >= sentBefore + both, 10);
                    assertTrue(sent >= sentBefore + both, "Node_04 sent " + (sent - sentBefore) + " bytes by its host's"
                            + " count, shown by server-" + (server == adminA ? "a" : "b") + ": both downloads' " + both
                            + " bytes crossed its link");
                }
                files.forEach(f -> dave.delete("/api/files/" + f.getString("fileId")));
            } finally {
                adminA.put("/api/network/nodes/Node_04/link",
                        "{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0}");
                others.forEach(node -> adminA.post("/api/network/nodes/" + node + "/start"));
                for (String node : others) {
                    until(() -> state(adminB, node), state -> !"STOPPED".equals(state), 10);
                }
            }
        }

        /**
         * Server-b dies (kill -9): its nodes turn DEAD for server-a, every file still downloads through server-a
         * from the copies on its own nodes (each chunk has one copy per server), and after the repair grace the
         * chunks are copied again onto server-a's nodes, two copies each. Server-b started again rejoins with its
         * nodes and their data.
         */
        @Test
        void aKilledServersNodesAreDeadForTheOtherWhichServesAndRepairsEveryFileThenItRejoins() throws Exception {
            Api erin = serverA().signedUp("erin");
            RandomContent content = new RandomContent(1_500_000, 91);
            Api.Answer upload = erin.upload("survivor.bin", content, true);
            assertEquals(201, upload.status(), upload.body());
            String fileId = upload.json().getString("fileId");
            for (Api.Copy copy : erin.copies(fileId)) {
                long onA = erin.copies(fileId).stream().filter(c -> c.index() == copy.index() && SERVER_A_NODES.contains(c.node())).count();
                assertEquals(1, onA, "chunk " + copy.index() + " has one copy on each server");
            }
            try {
                TOPOLOGY.kill(1);
                JsonObject health = until(() -> erin.get("/api/network/health").json(),
                        h -> SERVER_B_NODES.stream().allMatch(n -> "DEAD".equals(h.getString(n))), 30);
                SERVER_A_NODES.forEach(node -> assertEquals("ALIVE", health.getString(node), health.toString()));
                SERVER_B_NODES.forEach(node -> assertEquals("DEAD", health.getString(node), health.toString()));

                Api.Received served = erin.download(fileId);
                assertEquals(200, served.status(), served.body());
                assertEquals(content.sha256(), served.sha256(), "every chunk from server-a's nodes");

                List<Api.Copy> repaired = until(() -> erin.copies(fileId), copies -> copies.stream()
                        .filter(c -> c.state().equals("STORED") && SERVER_A_NODES.contains(c.node()))
                        .count() == 2L * chunks(content), 120);
                for (int index = 0; index < chunks(content); index++) {
                    int chunk = index;
                    Set<String> onA = repaired.stream().filter(c -> c.index() == chunk && c.state().equals("STORED")
                            && SERVER_A_NODES.contains(c.node())).map(Api.Copy::node).collect(Collectors.toSet());
                    assertEquals(2, onA.size(), "chunk " + chunk + ": two copies on server-a's nodes: " + repaired);
                }
            } finally {
                TOPOLOGY.rejoin();
            }
            JsonObject health = until(() -> erin.get("/api/network/health").json(),
                    h -> SERVER_B_NODES.stream().allMatch(n -> "ALIVE".equals(h.getString(n))), 30);
            assertEquals(5, health.getInt("alive"), health.toString());
            Api.Received throughB = serverB().withToken(erin.token()).download(fileId);
            assertEquals(200, throughB.status(), throughB.body());
            assertEquals(content.sha256(), throughB.sha256(), "server-b serves again");
            assertEquals(200, erin.delete("/api/files/" + fileId).status());
        }
    }

    @Nested
    @DisplayName("A server that dies for good: its uploads are given up by the other")
    class ServerGoneForGood {

        /**
         * Every link slowed down, so that an upload through server-b is still on its way when server-b is killed
         * (kill -9) and stays away: after the orphan grace server-a gives the upload up as server-b's own restart
         * would (FAILED, with the reason), drops the copies already on its nodes (their room back to what it was,
         * no chunk file left) and server-b, started again, finds it failed and drops the copies of its own nodes.
         */
        @Test
        void anUploadOfAKilledServerIsFailedByTheOtherItsCopiesDroppedAndTheKilledServerRejoinsCleanly() throws Exception {
            Api adminA = admin(serverA());
            Api adminB = admin(serverB());
            List<String> allNodes = new java.util.ArrayList<>(SERVER_A_NODES);
            allNodes.addAll(SERVER_B_NODES);
            long bandwidth = 24 * 1024;
            Api frank = serverB().signedUp("frank");
            Api frankOnA = serverA().withToken(frank.token());
            Map<String, JsonObject> roomBefore = steadyRoom(adminA); // the tests before may still be dropping copies
            String fileId = null;
            boolean killed = false;
            try {
                setLinks(adminA, adminB, allNodes, bandwidth, 0, 0);
                RandomContent content = new RandomContent(1_000_000, 113);
                Api.Answer upload = frank.upload("cut-off.bin", content, false);
                assertEquals(202, upload.status(), upload.body());
                fileId = upload.json().getString("fileId");
                String id = fileId;
                List<Api.Copy> copies = until(() -> frankOnA.copies(id), c -> c.stream().anyMatch(copy ->
                        copy.state().equals("STORED") && SERVER_A_NODES.contains(copy.node())), 60);
                assertTrue(copies.stream().anyMatch(c -> c.state().equals("STORED") && SERVER_A_NODES.contains(c.node())),
                        "a copy on server-a's nodes before the kill: " + copies);
                assertEquals("TRANSFERRING", frankOnA.get("/api/files/" + id).json().getString("status"),
                        "the upload is still on its way when server-b is killed");

                TOPOLOGY.kill(1);
                killed = true;

                JsonObject given = until(() -> frankOnA.get("/api/files/" + id).json(),
                        file -> !"TRANSFERRING".equals(file.getString("status")), 90);
                assertEquals("FAILED", given.getString("status"), given.toString());
                assertTrue(given.getString("failure").contains("server-b"), given.toString());

                assertRoomBack(adminA, SERVER_A_NODES, roomBefore, "");
                assertEquals(List.of(), until(() -> chunkFiles("server-a", id), List::isEmpty, 60),
                        "no chunk file of the given-up upload on server-a's nodes");
            } finally {
                if (killed) {
                    TOPOLOGY.rejoin();
                }
                setLinks(adminA, adminB, allNodes, 0, 0, 1);
            }
            String id = fileId;
            JsonObject health = until(() -> frankOnA.get("/api/network/health").json(),
                    h -> SERVER_B_NODES.stream().allMatch(n -> "ALIVE".equals(h.getString(n))), 60);
            assertEquals(5, health.getInt("alive"), health.toString());
            Api.Answer ready = TOPOLOGY.management(1).get("/health/ready");
            assertEquals(200, ready.status(), ready.body());
            assertEquals("FAILED", frank.get("/api/files/" + id).json().getString("status"),
                    "server-b's restart leaves the file server-a gave up as it is");
            assertRoomBack(adminB, allNodes, roomBefore, ", through server-b");
            assertEquals(List.of(), until(() -> chunkFiles("server-b", id), List::isEmpty, 60),
                    "no chunk file of the given-up upload on server-b's nodes");
            assertEquals(List.of(), chunkFiles("server-a", id), "none on server-a's either");
            Api.Answer deleted = frank.delete("/api/files/" + id);
            assertEquals(200, deleted.status(), deleted.body());
        }
    }

    /** Each node's line of the storage status (capacity, used and available bytes, segments), by node id. */
    private static Map<String, JsonObject> room(Api server) {
        return server.get("/api/storage/status").json().getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(node -> node.getString("id"), node -> node));
    }

    /** Waits (at most 60 s) until each of {@code nodes} has the room it had in {@code before}, as {@code server} shows it. */
    private static void assertRoomBack(Api server, List<String> nodes, Map<String, JsonObject> before, String through) {
        Map<String, JsonObject> after = until(() -> room(server), room -> nodes.stream()
                .allMatch(node -> room.get(node).equals(before.get(node))), 60);
        for (String node : nodes) {
            assertEquals(before.get(node), after.get(node), node + ": its room back" + through);
        }
    }

    /** The storage status once it holds still for a second (at most 30 s of looking). */
    private static Map<String, JsonObject> steadyRoom(Api server) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Map<String, JsonObject> last = room(server);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Map<String, JsonObject> now = room(server);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** The chunk files of the file on the nodes in a server's data folder. */
    private static List<String> chunkFiles(String server, String fileId) {
        try (java.util.stream.Stream<Path> files = Files.walk(TOPOLOGY.data(server).resolve("nodes"))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(fileId + "_chunk_")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sets every node's link, and waits until both servers book it so. */
    private static void setLinks(Api adminA, Api adminB, List<String> nodes, long bandwidth, int delayMin, int delayMax) {
        for (String node : nodes) {
            Api.Answer link = adminA.put("/api/network/nodes/" + node + "/link", "{\"bandwidthBytesPerSecond\":" + bandwidth
                    + ",\"delayMinMs\":" + delayMin + ",\"delayMaxMs\":" + delayMax + ",\"lossRate\":0}");
            assertEquals(200, link.status(), link.body());
        }
        for (Api server : List.of(adminA, adminB)) {
            for (String node : nodes) {
                assertEquals(bandwidth, until(() -> server.get("/api/network/nodes/" + node + "/link").json()
                        .getJsonNumber("bandwidthBytesPerSecond").longValue(), b -> b == bandwidth, 20), node);
            }
        }
    }

    private static int chunks(RandomContent content) {
        return (int) ((content.size() + 65_535) / 65_536);
    }

    /** A node's data bytes and DATA packets received, as {@code server}'s statistics show them. */
    private static String received(Api server, Api user, String node) {
        JsonObject statistics = server.withToken(user.token()).get("/api/network/statistics").json();
        JsonObject counted = statistics.getJsonArray("interfaces").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("id").equals(node)).findFirst().orElseThrow();
        return counted.getJsonNumber("bytesReceived").longValue() + " bytes, "
                + counted.getJsonObject("packetsReceived").getJsonNumber("DATA").longValue() + " data packets";
    }

    /** A download on its own thread. */
    private static java.util.concurrent.CompletableFuture<Api.Received> downloading(Api user, String fileId) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return user.download(fileId);
            } catch (java.io.IOException | InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** A node's data bytes sent (up its link), as {@code server}'s statistics show them. */
    private static long sent(Api server, String node) {
        return server.get("/api/network/statistics").json().getJsonArray("interfaces").getValuesAs(JsonObject.class)
                .stream().filter(i -> i.getString("id").equals(node)).findFirst().orElseThrow()
                .getJsonNumber("bytesSent").longValue();
    }

    private static String state(Api server, String node) {
        return server.get("/api/network/nodes/" + node).json().getString("state");
    }

    /** Asks {@code probe} until {@code done} holds, once every 200 ms, for at most {@code seconds}; the last answer. */
    private static <T> T until(java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        T answer = probe.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = probe.get();
        }
        return answer;
    }

    /** The topology's admin (P2P_ADMIN), registered through server A by whichever test needs it first. */
    private static synchronized Api admin(Api server) {
        if (admin == null) {
            Api anonymous = serverA();
            anonymous.register(ADMIN, ADMIN + "@p2p.test", Api.PASSWORD);
            Api.Answer login = anonymous.login(ADMIN, Api.PASSWORD);
            assertEquals(200, login.status(), login.body());
            admin = anonymous.withToken(login.json().getString("token"));
        }
        assertNotNull(admin.token());
        return server.withToken(admin.token());
    }
}
