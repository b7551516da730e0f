package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Per-user quotas: set by an admin, shown to the user, and an upload over it refused before anything is sent. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuotaIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api admin = Api.suiteAdmin();
    private final Api user = Api.suiteUser();

    @AfterEach
    void cleanUp() {
        user.get("/api/files/list").array().getValuesAs(JsonObject.class)
                .forEach(f -> user.delete("/api/files/" + f.getString("fileId")));
        admin.put("/api/users/" + user.username() + "/quota", "{\"quotaBytes\":null}");
    }

    @Test
    void anUploadOverTheQuotaIsRefusedWithWhatIsLeft() {
        user.get("/api/auth/me");
        assertEquals(403, user.put("/api/users/" + user.username() + "/quota", "{\"quotaBytes\":1}").status(),
                "only an admin sets quotas");
        Api.Answer set = admin.put("/api/users/" + user.username() + "/quota", "{\"quotaBytes\":204800}");
        assertEquals(200, set.status(), set.body());
        assertTrue(set.json().getBoolean("customQuota"));

        JsonObject me = user.get("/api/auth/me").json();
        assertEquals(204800, me.getJsonNumber("quotaBytes").longValue());
        assertEquals(0, me.getJsonNumber("usedBytes").longValue());

        assertEquals(201, user.upload("first.bin", new RandomContent(150 * 1024, 1), true).status());
        assertEquals(150 * 1024, user.get("/api/auth/me").json().getJsonNumber("usedBytes").longValue());

        long availableBefore = available();
        Api.Answer over = user.upload("second.bin", new RandomContent(100 * 1024, 2), true);
        assertEquals(507, over.status(), over.body());
        assertEquals("OVER_QUOTA", over.json().getString("error"));
        assertEquals("the file is 100.00 KB, but your quota of 200.00 KB has 50.00 KB left (150.00 KB used); "
                + "delete files or ask an admin for more", over.json().getString("message"));
        assertEquals(1, user.get("/api/files/list").array().size(), "nothing was created");
        assertEquals(availableBefore, available(), "nothing was sent");

        Api.Answer raw = user.uploadRaw("third.bin", new RandomContent(40 * 1024, 3), true);
        assertEquals(201, raw.status(), "what is left still fits: " + raw.body());
    }

    @Test
    void aBodyOfUnknownSizeStopsAtTheQuotaAndLeavesNothingEvenOverSlowLinks() {
        user.get("/api/auth/me");
        assertEquals(200, admin.put("/api/users/" + user.username() + "/quota", "{\"quotaBytes\":204800}").status());
        long availableBefore = available();
        setLinks("{\"bandwidthBytesPerSecond\":65536,\"delayMinMs\":1,\"delayMaxMs\":5,\"lossRate\":0}");
        Api.Answer over;
        try {
            // a chunked body says no size: it is stopped once it passes the 200 KB left, its first chunks already sent
            over = user.uploadRaw("unknown-size.bin", new RandomContent(1024 * 1024, 4), true);
        } finally {
            setLinks("{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.01}");
        }
        assertEquals(507, over.status(), over.body());
        assertEquals("OVER_QUOTA", over.json().getString("error"));
        assertTrue(over.json().getString("message").contains("left of your quota of 200.00 KB"), over.body());
        assertEquals(0, user.get("/api/files/list").array().size(), "nothing was kept");
        assertEquals(0, user.get("/api/auth/me").json().getJsonNumber("usedBytes").longValue());
        assertEquals(availableBefore, available(), "the copies already sent were dropped before the answer");
    }

    private void setLinks(String settings) {
        for (int n = 1; n <= 5; n++) {
            assertEquals(200, admin.put("/api/network/nodes/Node_0" + n + "/link", settings).status());
        }
    }

    @Test
    void theAdminSeesEveryUsersQuotaAndCanGiveTheDefaultBack() {
        user.get("/api/auth/me");
        assertEquals(403, user.get("/api/users").status());
        assertEquals(400, admin.put("/api/users/" + user.username() + "/quota", "{\"quotaBytes\":-1}").status());
        assertEquals(404, admin.put("/api/users/" + Api.uniqueName("nobody") + "/quota", "{\"quotaBytes\":1}").status());
        admin.put("/api/users/" + user.username() + "/quota", "{\"quotaBytes\":1048576}");
        JsonObject listed = admin.get("/api/users").array().getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("username").equals(user.username())).findFirst().orElseThrow();
        assertEquals(1048576, listed.getJsonNumber("quotaBytes").longValue());

        JsonObject back = admin.put("/api/users/" + user.username() + "/quota", "{\"quotaBytes\":null}").json();
        assertFalse(back.getBoolean("customQuota"));
        assertEquals(1024L * 1024 * 1024, back.getJsonNumber("quotaBytes").longValue(), "the suite's P2P_USER_QUOTA");
    }

    private long available() {
        return admin.get("/api/storage/status").json().getJsonObject("total").getJsonNumber("availableBytes").longValue();
    }
}
