package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

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
 * scripts H2 uses, accounts, folders and files live in PostgreSQL, and a restart finds them there.
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
        int port = Integer.getInteger("it.postgres.port", 55432);
        try (LocalPostgres database = LocalPostgres.start(Files.createTempDirectory("p2p-postgres-"), port)) {
            controller.start(SERVER);
            try {
                deployer.deploy(EAR);
                assertEquals("1|t\n2|t", database.query("SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"),
                        "the schema was made by both migrations");

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

                controller.stop(SERVER);
                controller.start(SERVER);

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
}
