package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TOTP two-factor sign-in as an authenticator app does it: codes are computed here by an independent
 * RFC 6238 implementation (java-otp), from the secret the server hands out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoFactorIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** A user with TOTP on: the client, the secret, the backup codes and the last time step used. */
    record Enrolled(Api api, String secretText, byte[] secret, List<String> backupCodes, long usedStep) {
    }

    @Test
    void enablingGivesASecretAUriAndAQrCodeAndWaitsForAConfirmation() throws Exception {
        Api user = Api.suiteUser();
        JsonObject setup = user.postJson("/api/auth/enable-otp", Json.createObjectBuilder().add("method", "app").build()).json();

        String secret = setup.getString("secret");
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertEquals("otpauth://totp/p2p-storage:" + user.username() + "?secret=" + secret
                + "&issuer=p2p-storage&algorithm=SHA1&digits=6&period=30", setup.getString("uri"));
        assertEquals(setup.getString("uri"), decodeQr(setup.getString("qrCode")));
        assertEquals("NONE", user.get("/api/auth/me").json().getString("secondFactor"), "not active before confirmation");
        assertFalse(login(user.username()).json().getBoolean("otpRequired"));

        Api.Answer wrong = user.postJson("/api/auth/confirm-otp", code("000000"));
        assertEquals(400, wrong.status());
        assertEquals("NONE", user.get("/api/auth/me").json().getString("secondFactor"));
    }

    @Test
    void loginNeedsAValidCodeOnceTheFactorIsOn() throws Exception {
        Enrolled enrolled = enroll();
        assertEquals("APP", enrolled.api().get("/api/auth/me").json().getString("secondFactor"));
        assertEquals(10, enrolled.api().get("/api/auth/me").json().getInt("backupCodesLeft"));

        JsonObject first = login(enrolled.api().username()).json();
        assertTrue(first.getBoolean("otpRequired"));
        assertFalse(first.containsKey("token"), "no session before the second factor");
        assertEquals("APP", first.getString("method"));

        String next = totp(enrolled.secret(), enrolled.usedStep() + 1);
        Api.Answer done = otp(first.getString("challenge"), next);
        assertEquals(200, done.status(), done.body());
        Api signedIn = Api.suite().withToken(done.json().getString("token"));
        assertEquals(enrolled.api().username(), signedIn.get("/api/auth/me").json().getString("username"));
        Api.Answer again = otp(first.getString("challenge"), next);
        assertEquals(401, again.status(), "the challenge is used up");
    }

    @Test
    void wrongOldAndReusedCodesAreRefused() throws Exception {
        Enrolled enrolled = enroll();
        String challenge = login(enrolled.api().username()).json().getString("challenge");
        long now = step(Instant.now());

        String reused = totp(enrolled.secret(), enrolled.usedStep());
        String old = totp(enrolled.secret(), now - 3);
        String wrong = String.format("%06d", (Integer.parseInt(totp(enrolled.secret(), now)) + 1) % 1_000_000);
        for (String code : List.of(reused, old, wrong, "12345", "")) {
            Api.Answer refused = otp(challenge, code);
            assertEquals(401, refused.status(), "code " + code + ": " + refused.body());
            assertEquals("wrong or already used code", refused.json().getString("message"));
        }

        Api.Answer good = otp(challenge, totp(enrolled.secret(), enrolled.usedStep() + 1));
        assertEquals(200, good.status(), good.body());
        String secondChallenge = login(enrolled.api().username()).json().getString("challenge");
        assertEquals(401, otp(secondChallenge, totp(enrolled.secret(), enrolled.usedStep() + 1)).status(),
                "a code is good for one login");
    }

    @Test
    void aBackupCodeWorksOnce() throws Exception {
        Enrolled enrolled = enroll();
        String backup = enrolled.backupCodes().get(3);

        String challenge = login(enrolled.api().username()).json().getString("challenge");
        Api.Answer withBackup = otp(challenge, backup.toUpperCase());
        assertEquals(200, withBackup.status(), withBackup.body());
        assertEquals(9, enrolled.api().get("/api/auth/me").json().getInt("backupCodesLeft"));

        String again = login(enrolled.api().username()).json().getString("challenge");
        assertEquals(401, otp(again, backup).status());
        assertEquals(200, otp(again, enrolled.backupCodes().get(4)).status());
    }

    @Test
    void backupCodesCanBeRegeneratedAndTheOldOnesStopWorking() throws Exception {
        Enrolled enrolled = enroll();
        Api.Answer noPassword = enrolled.api().postJson("/api/auth/backup-codes", Json.createObjectBuilder()
                .add("password", "wrong password").add("code", enrolled.backupCodes().get(0)).build());
        assertEquals(403, noPassword.status());

        Api.Answer fresh = throttled(() -> enrolled.api().postJson("/api/auth/backup-codes", Json.createObjectBuilder()
                .add("password", Api.PASSWORD).add("code", enrolled.backupCodes().get(0)).build()));
        assertEquals(200, fresh.status(), fresh.body());
        List<String> codes = fresh.json().getJsonArray("backupCodes").getValuesAs(JsonString::getString);
        assertEquals(10, new HashSet<>(codes).size());

        String challenge = login(enrolled.api().username()).json().getString("challenge");
        assertEquals(401, otp(challenge, enrolled.backupCodes().get(1)).status());
        assertEquals(200, otp(challenge, codes.get(0)).status());
    }

    @Test
    void disablingNeedsThePasswordAndAValidCode() throws Exception {
        Enrolled enrolled = enroll();
        Api api = enrolled.api();
        String code = totp(enrolled.secret(), enrolled.usedStep() + 1);

        Api.Answer wrongPassword = api.postJson("/api/auth/disable-otp", Json.createObjectBuilder()
                .add("password", "not my password").add("code", code).build());
        assertEquals(403, wrongPassword.status());
        assertEquals("wrong password", wrongPassword.json().getString("message"));
        Api.Answer wrongCode = throttled(() -> api.postJson("/api/auth/disable-otp", Json.createObjectBuilder()
                .add("password", Api.PASSWORD).add("code", "999999".equals(code) ? "000000" : "999999").build()));
        assertEquals(403, wrongCode.status());
        assertEquals("APP", api.get("/api/auth/me").json().getString("secondFactor"));

        Api.Answer disabled = throttled(() -> api.postJson("/api/auth/disable-otp", Json.createObjectBuilder()
                .add("password", Api.PASSWORD).add("code", code).build()));
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals("NONE", api.get("/api/auth/me").json().getString("secondFactor"));
        JsonObject login = login(api.username()).json();
        assertFalse(login.getBoolean("otpRequired"));
        assertTrue(login.containsKey("token"));
    }

    @Test
    void guessingCodesIsThrottled() throws Exception {
        Enrolled enrolled = enroll();
        String challenge = login(enrolled.api().username()).json().getString("challenge");
        List<String> valid = new java.util.ArrayList<>();
        for (long step = enrolled.usedStep() - 1; step <= enrolled.usedStep() + 3; step++) {
            valid.add(totp(enrolled.secret(), step));
        }
        Api.Answer refused = null;
        for (int guess = 0; guess < 200 && refused == null; guess++) {
            String code = String.format("%06d", guess);
            if (valid.contains(code)) {
                continue;
            }
            Api.Answer answer = Api.suite().postJson("/api/auth/login/otp", Json.createObjectBuilder()
                    .add("challenge", challenge).add("code", code).build());
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertEquals(401, answer.status(), answer.body());
            }
        }
        assertTrue(refused != null, "throttled after repeated wrong codes");
        assertEquals("TOO_MANY_REQUESTS", refused.json().getString("error"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
    }

    @Test
    void anUnknownChallengeIsRefused() {
        Api.Answer refused = otp("no-such-challenge", "123456");
        assertEquals(401, refused.status());
        assertEquals("the login challenge is unknown or has expired; log in again", refused.json().getString("message"));
    }

    /** Registers a user, turns TOTP on with the code of the current step, and keeps what an app would keep. */
    static Enrolled enroll() throws Exception {
        Api user = Api.suiteUser();
        String secret = user.postJson("/api/auth/enable-otp", Json.createObjectBuilder().build()).json().getString("secret");
        byte[] key = base32(secret);
        long step = step(Instant.now());
        Api.Answer confirmed = user.postJson("/api/auth/confirm-otp", code(totp(key, step)));
        assertEquals(200, confirmed.status(), confirmed.body());
        List<String> backupCodes = confirmed.json().getJsonArray("backupCodes").getValuesAs(JsonString::getString);
        assertEquals(10, new HashSet<>(backupCodes).size());
        return new Enrolled(user, secret, key, backupCodes, step);
    }

    /** Logs in with the password, waiting out the throttle that earlier wrong codes may have set. */
    static Api.Answer login(String username) {
        return throttled(() -> Api.suite().login(username, Api.PASSWORD));
    }

    static Api.Answer otp(String challenge, String code) {
        return throttled(() -> Api.suite().postJson("/api/auth/login/otp", Json.createObjectBuilder()
                .add("challenge", challenge).add("code", code).build()));
    }

    /** Sends the request again after the Retry-After of a 429, as a well-behaved client does. */
    static Api.Answer throttled(java.util.function.Supplier<Api.Answer> request) {
        Api.Answer answer = request.get();
        while (answer.status() == 429) {
            try {
                Thread.sleep(Long.parseLong(answer.header("Retry-After")) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = request.get();
        }
        return answer;
    }

    static JsonObject code(String code) {
        return Json.createObjectBuilder().add("code", code).build();
    }

    static long step(Instant at) {
        return at.getEpochSecond() / 30;
    }

    static String totp(byte[] secret, long step) throws Exception {
        return new TimeBasedOneTimePasswordGenerator()
                .generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * 30));
    }

    /** RFC 4648 Base32, decoded here independently of the server. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((int) (buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    static String decodeQr(String dataUri) throws Exception {
        assertTrue(dataUri.startsWith("data:image/png;base64,"), dataUri.substring(0, 30));
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
