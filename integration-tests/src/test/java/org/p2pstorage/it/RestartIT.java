package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Files uploaded before a server restart download identically after it: catalog, broker and disks persist,
 * and so do sessions. This server has no SMTP server and names no admin: its first user is the admin, and
 * mail goes to the outbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {

    private static final String SERVER = "restart";
    private static final String EAR = "restart-ear";

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
    void filesSurviveARestart() throws Exception {
        Api api = Api.restart().signedUp("keeper");
        RandomContent content = new RandomContent(1_500_000, 77);
        controller.start(SERVER);
        try {
            deployer.deploy(EAR);
            JsonObject uploaded = api.upload("kept.bin", content, true).json();
            assertEquals("AVAILABLE", uploaded.getString("status"));
            String fileId = uploaded.getString("fileId");
            JsonObject storageBefore = api.get("/api/storage/status").json();

            controller.stop(SERVER);
            controller.start(SERVER);

            assertEquals(storageBefore, api.get("/api/storage/status").json(), "capacity recounted from disk; the session lives on");
            assertEquals("AVAILABLE", api.get("/api/files/" + fileId).json().getString("status"));
            Api.Received download = api.download(fileId);
            assertEquals(200, download.status());
            assertEquals(content.sha256(), download.sha256());
            assertSignInAlertInTheOutbox(api);
            deployer.undeploy(EAR);
        } finally {
            controller.stop(SERVER);
        }
    }

    private static void assertSignInAlertInTheOutbox(Api admin) throws InterruptedException {
        String to = admin.username() + "@p2p.test";
        for (int attempt = 0; attempt < 300; attempt++) {
            Api.Answer outbox = admin.get("/api/mail/outbox");
            assertEquals(200, outbox.status(), outbox.body());
            if (outbox.array().getValuesAs(JsonObject.class).stream().anyMatch(mail -> mail.getString("to").equals(to)
                    && mail.getString("subject").equals("New sign-in to your p2p-storage account"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no sign-in alert for " + to + " in the outbox");
    }
}
