package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No password, token, TOTP secret or code ever reaches the server log, whatever the flow. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogHygieneIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theServerLogHoldsNoSecret() throws Exception {
        List<String> secrets = new ArrayList<>();
        String password = "Log-Hygiene-" + Api.uniqueName("pw");
        String name = Api.uniqueName("mallory");
        Api client = Api.suite();
        assertEquals(201, client.register(name, name + "@p2p.test", password).status());
        secrets.add(password);
        client.login(name, password + "x");
        secrets.add(password + "x");
        String token = TwoFactorIT.throttled(() -> client.login(name, password)).json().getString("token");
        secrets.add(token);
        Api user = client.withToken(token);

        String secret = user.postJson("/api/auth/enable-otp", Json.createObjectBuilder().build()).json().getString("secret");
        secrets.add(secret);
        long step = TwoFactorIT.step(java.time.Instant.now());
        String confirmCode = TwoFactorIT.totp(TwoFactorIT.base32(secret), step);
        secrets.add(confirmCode);
        List<String> backupCodes = user.postJson("/api/auth/confirm-otp", TwoFactorIT.code(confirmCode)).json()
                .getJsonArray("backupCodes").getValuesAs(jakarta.json.JsonString::getString);
        secrets.addAll(backupCodes);

        String challenge = TwoFactorIT.throttled(() -> Api.suite().login(name, password)).json().getString("challenge");
        secrets.add(challenge);
        TwoFactorIT.otp(challenge, "000000".equals(confirmCode) ? "111111" : "000000");
        String loginCode = TwoFactorIT.totp(TwoFactorIT.base32(secret), step + 1);
        secrets.add(loginCode);
        String secondToken = TwoFactorIT.otp(challenge, loginCode).json().getString("token");
        secrets.add(secondToken);
        String challenge2 = TwoFactorIT.throttled(() -> Api.suite().login(name, password)).json().getString("challenge");
        secrets.add(challenge2);
        assertEquals(200, TwoFactorIT.otp(challenge2, backupCodes.get(0)).status());
        user.withToken(secondToken).get("/api/files/list");
        user.postJson("/api/auth/disable-otp", Json.createObjectBuilder().add("password", password)
                .add("code", backupCodes.get(1)).build());
        user.post("/api/auth/logout");

        String log = Files.readString(Path.of(System.getProperty("it.servers"), "suite", "log", "server.log"));
        assertTrue(log.contains(name), "the log is the one this server writes");
        for (String value : secrets) {
            Pattern whole = Pattern.compile("(?<![0-9A-Za-z_-])" + Pattern.quote(value) + "(?![0-9A-Za-z_-])");
            assertFalse(whole.matcher(log).find(), "a secret is in the server log: " + value);
        }
        assertFalse(log.contains(Api.PASSWORD), "the test users' password");
        assertFalse(log.contains("Bearer "), "no Authorization header");
    }
}
