package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

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
 * This release started on a data folder that a release before Flyway left ({@link OldDataFolder}: Hibernate's own
 * schema, with states as H2 ENUM columns and without what later releases added) keeps its files: the schema is
 * taken as version 1 and migrated, the account signs in, its file is listed AVAILABLE in its folder and downloads
 * byte-identical from the nodes' chunk files, and a new upload works.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpgradeIT {

    private static final String SERVER = "upgrade";
    private static final String EAR = "upgrade-ear";

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
    void aDataFolderFromBeforeMigrationsKeepsItsFiles() throws Exception {
        OldDataFolder folder = new OldDataFolder(Path.of(System.getProperty("it.servers"), "upgrade-data"));
        RandomContent old = new RandomContent(300_000, 12);
        folder.write(old.bytes(), 3);
        assertEquals("", folder.query("SELECT table_name FROM information_schema.tables WHERE table_name = 'flyway_schema_history'"),
                "a catalog from before migrations");

        controller.start(SERVER);
        try {
            deployer.deploy(EAR);
            Api.Answer login = Api.restart().login(OldDataFolder.USER, Api.PASSWORD);
            assertEquals(200, login.status(), login.body());
            Api user = Api.restart().withToken(login.json().getString("token"));
            assertEquals(OldDataFolder.USER, user.get("/api/auth/me").json().getString("username"));

            List<JsonObject> files = user.get("/api/files/list").array().getValuesAs(JsonObject.class);
            assertEquals(1, files.size(), files.toString());
            JsonObject file = files.get(0);
            assertEquals(OldDataFolder.FILE_ID, file.getString("fileId"));
            assertEquals(OldDataFolder.FILE, file.getString("name"));
            assertEquals("AVAILABLE", file.getString("status"));
            assertEquals("healthy", file.getString("health"));
            assertEquals(OldDataFolder.FOLDER_ID, file.getString("folderId"));
            assertEquals(OldDataFolder.FOLDER, user.get("/api/folders").array().getJsonObject(0).getString("name"));
            Api.Received download = user.download(OldDataFolder.FILE_ID);
            assertEquals(200, download.status());
            assertEquals(old.sha256(), download.sha256(), "the old file's bytes, from the nodes' chunk files");

            RandomContent fresh = new RandomContent(200_000, 13);
            JsonObject uploaded = user.upload("after-the-upgrade.bin", fresh, true).json();
            assertEquals("AVAILABLE", uploaded.getString("status"), uploaded.toString());
            assertEquals(fresh.sha256(), user.download(uploaded.getString("fileId")).sha256());
            assertEquals(200, user.get("/api/auth/ssh-keys").status(), "what later releases added works too");
            deployer.undeploy(EAR);
        } finally {
            controller.stop(SERVER);
        }
        assertEquals("1|BASELINE|ok\n2|SQL|ok\n3|SQL|ok\n4|SQL|ok\n5|SQL|ok\n6|SQL|ok", folder.query(
                "SELECT \"version\", \"type\", CASE WHEN \"success\" THEN 'ok' ELSE 'failed' END FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""),
                "taken as version 1, then migrated");
    }
}
