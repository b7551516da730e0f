package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
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
 * The same EAR on PostgreSQL instead of H2 (P2P_DB_DRIVER=postgresql): Flyway makes the schema from the
 * scripts H2 uses, accounts, folders and files live in PostgreSQL, and a restart finds them there. So does
 * the login throttle: failures are counted in the database every server shares (first failures racing to
 * insert one row are all counted, also against another server's insert), a failure written there by another
 * server refuses the right password here, and a restart forgets none.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostgresIT {

    private static final String SERVER = "postgres";
    private static final String EAR = "postgres-ear";

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
    void theDriveRunsOnPostgresqlAndSurvivesARestart() throws Exception {
        int port = Integer.getInteger("it.postgres.port", 25432);
        try (LocalPostgres database = LocalPostgres.start(Files.createTempDirectory("p2p-postgres-"), port)) {
            controller.start(SERVER);
            try {
                deployer.deploy(EAR);
                assertEquals("1|t\n2|t\n3|t\n4|t\n5|t\n6|t", database.query("SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"),
                        "the schema was made by every migration");

                Api api = Api.restart().signedUp("postgres");
                RandomContent content = new RandomContent(1_200_000, 91);
                JsonObject uploaded = api.upload("on-postgres.bin", content, true).json();
                assertEquals("AVAILABLE", uploaded.getString("status"));
                String fileId = uploaded.getString("fileId");
                String folderId = api.postJson("/api/folders", Json.createObjectBuilder().add("name", "Kept").build())
                        .json().getString("folderId");
                Api.Answer moved = api.patch("/api/files/" + fileId, "{\"folderId\":\"" + folderId + "\"}");
                assertTrue(moved.status() < 300, moved.body());
                assertEquals("19", database.query("SELECT chunkCount FROM stored_file WHERE id = '" + fileId + "'"),
                        "the chunk map is in PostgreSQL");
                assertTrue(Integer.parseInt(database.query("SELECT count(*) FROM chunk_placement WHERE file_id = '" + fileId + "'")) >= 19);

                String guessed = Api.uniqueName("nobody");
                int failed = failAtOnce(guessed, 6);
                assertEquals(String.valueOf(failed), failures(database, guessed), "every failure heard is counted once");
                assertLockedByAnotherServersFailures(database, api.username());
                assertAFirstFailureThatLosesTheRaceIsCounted(database);

                controller.stop(SERVER);
                controller.start(SERVER);

                assertEquals(String.valueOf(failed), failures(database, guessed), "the throttle forgets nothing at a restart");
                assertEquals(401, heard(Api.restart(), guessed, "one more guess").status());
                assertEquals(String.valueOf(failed + 1), failures(database, guessed), "counted on the same row");

                JsonObject file = api.get("/api/files/" + fileId).json();
                assertEquals("AVAILABLE", file.getString("status"), "the session and the file live on in PostgreSQL");
                assertEquals(folderId, file.getString("folderId"));
                Api.Received download = api.download(fileId);
                assertEquals(200, download.status());
                assertEquals(content.sha256(), download.sha256());
                Api.Answer deleted = api.delete("/api/files/" + fileId);
                assertTrue(deleted.status() < 300, deleted.body());
                assertEquals("0", database.query("SELECT count(*) FROM stored_file WHERE id = '" + fileId + "'"));
                deployer.undeploy(EAR);
            } finally {
                controller.stop(SERVER);
            }
        }
    }

    /**
     * Wrong passwords for one login, sent at once: their first failures race to insert the same row. Every
     * answer is 401 (heard and counted) or 429 (came after a failure was counted); answers how many were 401.
     */
    private static int failAtOnce(String login, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String guess = "guess-" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return Api.restart().login(login, guess);
                }));
            }
            go.countDown();
            int unauthorized = 0;
            for (Future<Api.Answer> answer : answers) {
                Api.Answer received = answer.get();
                assertTrue(received.status() == 401 || received.status() == 429, received.status() + " " + received.body());
                unauthorized += received.status() == 401 ? 1 : 0;
            }
            assertTrue(unauthorized >= 1, "the first guesses are heard");
            return unauthorized;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Failures another server counted in the shared table hold here: the right password is refused. */
    private static void assertLockedByAnotherServersFailures(LocalPostgres database, String username) throws Exception {
        String key = "'account:" + username + "'";
        database.query("INSERT INTO login_throttle (throttleKey, failures, lastFailure) VALUES (" + key + ", 20, now())");
        Api.Answer refused = Api.restart().login(username, Api.PASSWORD);
        assertEquals(429, refused.status(), refused.body());
        assertEquals("TOO_MANY_REQUESTS", refused.json().getString("error"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 25, "the delay of 20 failures, capped: " + retryAfter);
        database.query("DELETE FROM login_throttle WHERE throttleKey = " + key);
        assertEquals(200, Api.restart().login(username, Api.PASSWORD).status(), "the row gone, the account signs in");
    }

    /**
     * Another server inserts the first failure of a login and holds its transaction open while this server counts
     * one for the same login: this server's insert waits, loses on the key, and its failure is counted on that row.
     */
    private static void assertAFirstFailureThatLosesTheRaceIsCounted(LocalPostgres database) throws Exception {
        String login = Api.uniqueName("racer");
        Process otherServer = database.begin("BEGIN; INSERT INTO login_throttle (throttleKey, failures, lastFailure) VALUES ('account:"
                + login + "', 1, now()); SELECT pg_sleep(4); COMMIT;");
        String holding = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(4)%'"
                + " AND pid <> pg_backend_pid()";
        for (int poll = 0; poll < 200 && !database.query(holding).equals("1"); poll++) {
            Thread.sleep(50);
        }
        assertEquals("1", database.query(holding), "the other server's transaction is open");
        Api.Answer answer = Api.restart().login(login, "a guess");
        assertEquals(401, answer.status(), "counted, not a duplicate key: " + answer.body());
        assertTrue(otherServer.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, otherServer.exitValue(), new String(otherServer.getInputStream().readAllBytes()));
        assertEquals("2", failures(database, login), "the other server's first failure and this one");
    }

    /** A login, sent again after the Retry-After of every refusal until the throttle hears it. */
    private static Api.Answer heard(Api client, String login, String password) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Api.Answer answer = client.login(login, password);
            if (answer.status() != 429) {
                return answer;
            }
            Thread.sleep(Integer.parseInt(answer.header("Retry-After")) * 1000L);
        }
        throw new AssertionError("the throttle never heard a login for " + login);
    }

    private static String failures(LocalPostgres database, String login) throws Exception {
        return database.query("SELECT failures FROM login_throttle WHERE throttleKey = 'account:" + login + "'");
    }
}
