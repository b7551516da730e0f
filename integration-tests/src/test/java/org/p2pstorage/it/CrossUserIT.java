package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nobody reaches another user's folders or transfers, not even by guessing or knowing their ids. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossUserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void anotherUsersFoldersAndTransfersAreUnknown() {
        Api alice = Api.suiteUser();
        Api mallory = Api.suiteUser();
        String file = alice.upload("alice.txt", new RandomContent(1000, 1), true).json().getString("fileId");
        String folder = alice.postJson("/api/folders", Json.createObjectBuilder().add("name", "Private").build())
                .json().getString("folderId");
        String ownFile = mallory.upload("mallory.txt", new RandomContent(1000, 2), true).json().getString("fileId");
        try {
            assertEquals(404, mallory.get("/api/transfers/" + file).status(), "another user's transfer");
            assertEquals(404, mallory.patch("/api/files/" + file, "{\"folderId\":\"\"}").status(), "moving another's file");
            assertEquals(404, mallory.patch("/api/files/" + file, "{\"name\":\"mine.txt\"}").status(), "renaming another's file");
            Api.Answer intoTheirs = mallory.patch("/api/files/" + ownFile, "{\"folderId\":\"" + folder + "\"}");
            assertTrue(intoTheirs.status() == 404 || intoTheirs.status() == 400, "into another's folder: " + intoTheirs);
            assertEquals(404, mallory.delete("/api/folders/" + folder).status(), "deleting another's folder");
            assertEquals(404, mallory.patch("/api/folders/" + folder, "{\"name\":\"Mine\"}").status(), "renaming another's folder");
            Api.Answer sub = mallory.postJson("/api/folders", Json.createObjectBuilder().add("name", "x").add("parentId", folder).build());
            assertTrue(sub.status() == 404 || sub.status() == 400, "a folder inside another's: " + sub);
            assertTrue(mallory.get("/api/files/list?folder=" + folder).array().isEmpty());
            assertTrue(mallory.get("/api/folders").array().isEmpty(), "mallory sees no folder of alice's");
            assertEquals("alice.txt", alice.get("/api/files/" + file).json().getString("name"), "nothing changed for alice");
            assertEquals(1, alice.get("/api/folders").array().size());
            assertEquals("Private", alice.get("/api/folders").array().getJsonObject(0).getString("name"));
        } finally {
            alice.delete("/api/files/" + file);
            alice.delete("/api/folders/" + folder);
            mallory.delete("/api/files/" + ownFile);
        }
    }
}
