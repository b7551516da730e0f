package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration, login, sessions, ownership of files, the admin's rights and brute-force throttling. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void registerLogInSeeYourselfAndLogOut() {
        Api client = Api.suite();
        String name = Api.uniqueName("Carol");

        Api.Answer registered = client.register(name, name + "@Example.test", Api.PASSWORD);

        assertEquals(201, registered.status(), registered.body());
        assertEquals(name.toLowerCase(), registered.json().getString("username"));
        assertEquals("user", registered.json().getString("role"));
        assertFalse(registered.body().contains(Api.PASSWORD));

        Api.Answer login = client.login(name, Api.PASSWORD);
        assertEquals(200, login.status(), login.body());
        JsonObject session = login.json();
        assertFalse(session.getBoolean("otpRequired"));
        String token = session.getString("token");
        assertTrue(token.length() >= 43, "at least 256 bits: " + token.length());
        Duration lifetime = Duration.between(Instant.now(), Instant.parse(session.getString("expiresAt")));
        assertTrue(lifetime.compareTo(Duration.ofHours(23)) > 0 && lifetime.compareTo(Duration.ofHours(25)) < 0, lifetime.toString());

        Api me = client.withToken(token);
        JsonObject self = me.get("/api/auth/me").json();
        assertEquals(name.toLowerCase(), self.getString("username"));
        assertEquals((name + "@example.test").toLowerCase(), self.getString("email"));
        assertEquals(client.address(), self.getString("lastLoginIp"));
        assertEquals("NONE", self.getString("secondFactor"));

        assertEquals(204, me.post("/api/auth/logout").status());
        Api.Answer after = me.get("/api/auth/me");
        assertEquals(401, after.status());
        assertEquals("the session has expired or has ended; log in again", after.json().getString("message"));
    }

    @Test
    void registrationRefusalsAreClear() {
        Api client = Api.suite();
        String name = Api.uniqueName("dave");
        assertEquals(201, client.register(name, name + "@p2p.test", Api.PASSWORD).status());

        Api.Answer sameName = client.register(name.toUpperCase(), "other-" + name + "@p2p.test", Api.PASSWORD);
        assertEquals(409, sameName.status());
        assertEquals("the username " + name + " is taken", sameName.json().getString("message"));

        Api.Answer sameEmail = client.register(Api.uniqueName("eve"), name + "@P2P.test", Api.PASSWORD);
        assertEquals(409, sameEmail.status());
        assertEquals("an account with this e-mail already exists", sameEmail.json().getString("message"));

        Api.Answer invalid = client.register("x", "not-an-address", "short");
        assertEquals(400, invalid.status());
        assertEquals("INVALID", invalid.json().getString("error"));
        String message = invalid.json().getString("message");
        assertTrue(message.contains("email must be an e-mail address"), message);
        assertTrue(message.contains("password must be 10 to 1024 characters"), message);
        assertTrue(message.contains("username must be 3 to 32"), message);

        Api.Answer empty = client.postJson("/api/auth/register", Json.createObjectBuilder().build());
        assertEquals(400, empty.status());
        assertTrue(empty.json().getString("message").contains("username is required"), empty.body());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        // That both cost one hash verification is PasswordsTest's to show (counted, not timed).
        Api user = Api.suite().signedUp("frank");
        user.get("/api/auth/me");
        Api.Answer wrong = Api.suite().login(user.username(), Api.PASSWORD + "!");
        Api.Answer unknown = Api.suite().login(Api.uniqueName("nobody"), Api.PASSWORD);
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.header("WWW-Authenticate"), unknown.header("WWW-Authenticate"));
        assertEquals("wrong username or password", unknown.json().getString("message"));
    }

    @Test
    void everyRouteButRegisterAndLoginNeedsASession() {
        Api anonymous = Api.suite();
        for (Api.Answer answer : List.of(anonymous.get("/api/files/list"), anonymous.get("/api/network/health"),
                anonymous.get("/api/dashboard"), anonymous.get("/api/storage/status"), anonymous.get("/api/auth/me"),
                anonymous.delete("/api/files/0000000000000000"), anonymous.post("/api/network/nodes/Node_01/stop"),
                anonymous.upload("a.txt", new RandomContent(10, 1), false), anonymous.get("/api/auth/sessions"))) {
            assertEquals(401, answer.status(), answer.body());
            assertEquals("UNAUTHORIZED", answer.json().getString("error"));
            assertEquals("Bearer", answer.header("WWW-Authenticate"));
        }
        Api.Answer forged = anonymous.withToken("forged-token").get("/api/files/list");
        assertEquals(401, forged.status());
        assertEquals("the session has expired or has ended; log in again", forged.json().getString("message"));
    }

    @Test
    void sessionsCanBeListedAndRevoked() {
        Api laptop = Api.suite().signedUp("grace");
        laptop.get("/api/auth/me");
        Api phone = laptop.otherClient().withToken(laptop.otherClient().login(laptop.username(), Api.PASSWORD)
                .json().getString("token"));

        List<JsonObject> sessions = laptop.get("/api/auth/sessions").array().getValuesAs(JsonObject.class);
        assertEquals(2, sessions.size());
        JsonObject current = sessions.stream().filter(s -> s.getBoolean("current")).findFirst().orElseThrow();
        JsonObject other = sessions.stream().filter(s -> !s.getBoolean("current")).findFirst().orElseThrow();
        assertEquals(laptop.address(), current.getString("ip"));
        assertEquals("p2p-it/1.0", other.getString("userAgent"));
        assertNotEquals(current.getString("id"), other.getString("id"));

        Api stranger = Api.suiteUser();
        assertEquals(404, stranger.delete("/api/auth/sessions/" + other.getString("id")).status(),
                "another user's session is unknown to them");
        assertEquals(200, phone.get("/api/auth/me").status());

        assertEquals(204, laptop.delete("/api/auth/sessions/" + other.getString("id")).status());
        Api.Answer revoked = phone.get("/api/auth/me");
        assertEquals(401, revoked.status());
        assertEquals(404, laptop.delete("/api/auth/sessions/" + other.getString("id")).status());
        assertEquals(200, laptop.get("/api/auth/me").status());

        Api tablet = laptop.otherClient().withToken(laptop.otherClient().login(laptop.username(), Api.PASSWORD)
                .json().getString("token"));
        assertEquals(1, laptop.delete("/api/auth/sessions").json().getInt("ended"));
        assertEquals(401, tablet.get("/api/auth/me").status());
        assertEquals(200, laptop.get("/api/auth/me").status());
    }

    @Test
    void changingThePasswordNeedsTheOldOneAndEndsEveryOtherSession() {
        Api laptop = Api.suite().signedUp("kim");
        laptop.get("/api/auth/me");
        Api phone = laptop.otherClient().withToken(laptop.otherClient().login(laptop.username(), Api.PASSWORD)
                .json().getString("token"));
        String newPassword = "another long passphrase";

        Api.Answer wrong = laptop.postJson("/api/auth/password", Json.createObjectBuilder()
                .add("password", "not the password").add("newPassword", newPassword).build());
        assertEquals(403, wrong.status());
        Api.Answer tooShort = laptop.postJson("/api/auth/password", Json.createObjectBuilder()
                .add("password", Api.PASSWORD).add("newPassword", "short").build());
        assertEquals(400, tooShort.status());
        assertEquals("newPassword must be 10 to 1024 characters", tooShort.json().getString("message"));

        Api.Answer changed = TwoFactorIT.throttled(() -> laptop.postJson("/api/auth/password", Json.createObjectBuilder()
                .add("password", Api.PASSWORD).add("newPassword", newPassword).build()));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(1, changed.json().getInt("ended"));
        assertEquals(401, phone.get("/api/auth/me").status());
        assertEquals(200, laptop.get("/api/auth/me").status());
        assertEquals(401, Api.suite().login(laptop.username(), Api.PASSWORD).status());
        assertEquals(200, TwoFactorIT.throttled(() -> Api.suite().login(laptop.username(), newPassword)).status());
    }

    @Test
    void anExpiredSessionIsRefused() throws Exception {
        Api user = Api.suite().signedUp("heidi");
        user.get("/api/auth/me");
        Api.Answer login = Api.suite().postJson("/api/auth/login", Json.createObjectBuilder()
                .add("username", user.username()).add("password", Api.PASSWORD).add("lifetimeSeconds", 1).build());
        Instant expires = Instant.parse(login.json().getString("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).compareTo(Duration.ofSeconds(2)) < 0, expires.toString());
        Api shortLived = user.withToken(login.json().getString("token"));

        while (Instant.now().isBefore(expires.plusMillis(200))) {
            Thread.sleep(100);
        }

        Api.Answer expired = shortLived.get("/api/files/list");
        assertEquals(401, expired.status());
        assertEquals("the session has expired or has ended; log in again", expired.json().getString("message"));
    }

    @Test
    void filesBelongToTheirOwner() throws Exception {
        Api alice = Api.suite().signedUp("alice");
        Api bob = Api.suite().signedUp("bob");
        RandomContent content = new RandomContent(100_000, 4);
        String fileId = alice.upload("alice.bin", content, true).json().getString("fileId");

        assertTrue(bob.get("/api/files/list").array().isEmpty());
        Api.Answer unknown = bob.get("/api/files/ffffffffffffffff");
        for (Api.Answer answer : List.of(bob.get("/api/files/" + fileId), bob.delete("/api/files/" + fileId))) {
            assertEquals(404, answer.status());
            assertEquals(unknown.body().replace("ffffffffffffffff", fileId), answer.body());
        }
        Api.Received download = bob.download(fileId);
        assertEquals(404, download.status());
        assertTrue(download.body().contains("\"error\":\"NOT_FOUND\""), download.body());

        assertEquals(1, alice.get("/api/files/list").array().size());
        assertEquals(content.sha256(), alice.download(fileId).sha256());
        assertEquals(200, alice.delete("/api/files/" + fileId).status());
    }

    @Test
    void onlyAnAdminStopsAndStartsNodesAndReadsTheOutbox() {
        Api user = Api.suiteUser();
        for (Api.Answer answer : List.of(user.post("/api/network/nodes/Node_02/stop"),
                user.post("/api/network/nodes/Node_02/start"), user.get("/api/mail/outbox"))) {
            assertEquals(403, answer.status());
            assertEquals("FORBIDDEN", answer.json().getString("error"));
        }
        assertEquals("ALIVE", user.get("/api/network/health").json().getString("Node_02"));

        Api admin = Api.suiteAdmin();
        assertEquals("admin", admin.get("/api/auth/me").json().getString("role"));
        assertEquals(200, admin.post("/api/network/nodes/Node_02/stop").status());
        assertEquals(200, admin.post("/api/network/nodes/Node_02/start").status());
        assertEquals(200, admin.get("/api/mail/outbox").status());
    }

    @Test
    void repeatedFailuresForAnAccountAreThrottledButNeverLockItOut() throws Exception {
        Api owner = Api.suite().signedUp("ivan");
        owner.get("/api/auth/me");
        Api attacker = Api.suite();
        Api.Answer refused = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            Api.Answer answer = attacker.otherClient().login(owner.username(), "guess-" + attempt);
            if (answer.status() == 429 && Integer.parseInt(answer.header("Retry-After")) >= 3) {
                refused = answer;
                break;
            }
            assertTrue(answer.status() == 401 || answer.status() == 429, answer.body());
            if (answer.status() == 429) {
                Thread.sleep(100);
            }
        }
        assertTrue(refused != null, "throttled after repeated failures");
        assertEquals("TOO_MANY_REQUESTS", refused.json().getString("error"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter <= 25, "the delay is capped: " + retryAfter);

        Api.Answer rightPasswordTooEarly = Api.suite().login(owner.username(), Api.PASSWORD);
        assertEquals(429, rightPasswordTooEarly.status(), "the throttle answers before the password is checked");

        Thread.sleep(retryAfter * 1000L + 200);
        Api.Answer later = Api.suite().login(owner.username(), Api.PASSWORD);
        assertEquals(200, later.status(), "the owner gets in once the delay is over: " + later.body());
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledForThatAddressOnly() throws Exception {
        Api attacker = Api.suite();
        Api.Answer refused = null;
        for (int attempt = 0; attempt < 200 && refused == null; attempt++) {
            Api.Answer answer = attacker.login(Api.uniqueName("victim"), "guess");
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertEquals(401, answer.status());
            }
        }
        assertTrue(refused != null, "throttled after repeated failures from one address");
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);

        Api elsewhere = Api.suite().signedUp("judy");
        assertEquals(200, elsewhere.get("/api/auth/me").status(), "other addresses are not slowed down");
    }

    @Test
    void weakPasswordsAreRefusedWithAdvice() {
        Api client = Api.suite();
        for (String weak : new String[]{"password123", "1234567890", "qwertyuiop"}) {
            Api.Answer refused = client.register(Api.uniqueName("weak"), Api.uniqueName("weak") + "@p2p.test", weak);
            assertEquals(400, refused.status(), weak);
            assertTrue(refused.json().getString("message").startsWith("password is too easy to guess: "), refused.body());
        }
        Api user = Api.suite().signedUp("gina");
        user.get("/api/auth/me");
        Api.Answer change = user.postJson("/api/auth/password", Json.createObjectBuilder()
                .add("password", Api.PASSWORD).add("newPassword", "password123").build());
        assertEquals(400, change.status());
        assertEquals(200, Api.suite().login(user.username(), Api.PASSWORD).status(), "the old password still works");
    }

    @Test
    void usernameAndEmailAreOneAccountForTheThrottle() throws Exception {
        Api owner = Api.suite().signedUp("kate");
        owner.get("/api/auth/me");
        int retryAfter = 0;
        for (int attempt = 0; attempt < 40 && retryAfter < 2; attempt++) {
            Api.Answer answer = Api.suite().login(owner.username(), "guess-" + attempt);
            if (answer.status() == 429) {
                retryAfter = Integer.parseInt(answer.header("Retry-After"));
                if (retryAfter < 2) {
                    Thread.sleep(retryAfter * 1000L);
                }
            }
        }
        assertTrue(retryAfter >= 2, "the account is throttled after repeated failures");
        Api.Answer byEmail = Api.suite().login(owner.username() + "@p2p.test", "another guess");
        assertEquals(429, byEmail.status(), "the same account named by its e-mail: " + byEmail.body());
    }

    @Test
    void signingInToOwnAccountDoesNotClearTheAddressesFailures() throws Exception {
        Api attacker = Api.suite().signedUp("leo");
        attacker.get("/api/auth/me");
        int retryAfter = 0;
        for (int attempt = 0; attempt < 40 && retryAfter < 2; attempt++) {
            Api.Answer answer = attacker.login(Api.uniqueName("victim"), "guess");
            if (answer.status() == 429) {
                retryAfter = Integer.parseInt(answer.header("Retry-After"));
                Thread.sleep(retryAfter * 1000L);
            }
        }
        assertTrue(retryAfter >= 2, "the address is slowed down");
        assertEquals(200, TwoFactorIT.throttled(() -> attacker.login(attacker.username(), Api.PASSWORD)).status());
        assertEquals(401, attacker.login(Api.uniqueName("victim"), "guess").status());
        Api.Answer next = attacker.login(Api.uniqueName("victim"), "guess");
        assertEquals(429, next.status(), "the failures before the sign-in still count: " + next.body());
        assertTrue(Integer.parseInt(next.header("Retry-After")) >= 2, next.header("Retry-After"));
    }
}
