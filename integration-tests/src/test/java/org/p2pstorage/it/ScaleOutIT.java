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

    /** Quick links (unthrottled, 0-1 ms), small nodes; "admin" is the admin; each Api client has its own address. */
    private static final ScaleOut TOPOLOGY = new ScaleOut(Map.ofEntries(
            Map.entry("P2P_NODES", "5"),
            Map.entry("P2P_NODE_CAPACITY", "64MB"),
            Map.entry("P2P_LINK_BANDWIDTH", "0"),
            Map.entry("P2P_LINK_DELAY_MIN_MS", "0"),
            Map.entry("P2P_LINK_DELAY_MAX_MS", "1"),
            Map.entry("P2P_USER_QUOTA", "1GB"),
            Map.entry("P2P_REPAIR_GRACE", "2s"),
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
        void aNodeStoppedThroughBIsStoppedForA() {
            Api throughB = admin(serverB());
            Api throughA = serverA().withToken(throughB.token());
            try {
                Api.Answer stopped = throughB.post("/api/network/nodes/Node_02/stop");
                assertEquals(200, stopped.status(), stopped.body());
                assertEquals("STOPPED", throughA.get("/api/network/nodes/Node_02").json().getString("state"));
            } finally {
                throughB.post("/api/network/nodes/Node_02/start");
            }
            assertNotEquals("STOPPED", throughA.get("/api/network/nodes/Node_02").json().getString("state"), "started through B");
        }
    }

    /**
     * Losing a server: server-b killed (SIGKILL), its nodes turn DEAD for server-a, every file still downloads
     * through server-a from the copies on its nodes, and after the repair grace every chunk has two copies on
     * server-a's nodes again. Started again, server-b rejoins with its nodes. Its own group: it takes a server
     * down, and brings it back in any case before the other tests go on.
     */
    @Nested
    @DisplayName("Losing a server (needs P2P_HOSTED_NODES and the node registry)")
    class LosingAServer {

        @Test
        void serverBKilledLeavesEveryFileReadableOnAAndRejoins() throws Exception {
            Api dave = serverA().signedUp("dave");
            RandomContent content = new RandomContent(1_000_000, 78);
            Api.Answer upload = dave.upload("survivor.bin", content, true);
            assertEquals(201, upload.status(), upload.body());
            String fileId = upload.json().getString("fileId");
            try {
                TOPOLOGY.kill("server-b");

                awaitTrue(() -> serverBNodesAre(dave, true), "server-b's nodes DEAD for server-a");
                Api.Received degraded = dave.download(fileId);
                assertEquals(200, degraded.status(), degraded.body());
                assertEquals(content.sha256(), degraded.sha256(), "read from the copies on server-a's nodes");
                awaitTrue(() -> twoCopiesOnServerA(dave, fileId, 16), "repair copies every chunk twice onto server-a's nodes");
                assertEquals(content.sha256(), dave.download(fileId).sha256());
            } finally {
                TOPOLOGY.restart();
            }
            awaitTrue(() -> serverBNodesAre(dave, false), "server-b rejoins with its nodes");
            assertEquals(content.sha256(), serverB().withToken(dave.token()).download(fileId).sha256());
            assertEquals(200, dave.delete("/api/files/" + fileId).status());
        }

        private boolean serverBNodesAre(Api user, boolean dead) {
            JsonObject health = user.get("/api/network/health").json();
            return SERVER_B_NODES.stream().allMatch(node -> "DEAD".equals(health.getString(node, null)) == dead);
        }

        private boolean twoCopiesOnServerA(Api user, String fileId, int chunks) {
            Map<Integer, List<Api.Copy>> stored = user.copies(fileId).stream()
                    .filter(copy -> copy.state().equals("STORED") && SERVER_A_NODES.contains(copy.node()))
                    .collect(Collectors.groupingBy(Api.Copy::index));
            return stored.size() == chunks && stored.values().stream().allMatch(copies -> copies.size() >= 2);
        }
    }

    /** Polls a condition every half second for up to 90 s (a bound on a hang, not a timing check). */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int attempt = 0; attempt < 180; attempt++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within 90 s: " + what);
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
