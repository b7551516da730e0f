package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail through a real SMTP server in the test JVM (GreenMail, on the port the suite server is configured
 * with, and checking the server's SMTP login): sign-in alerts, e-mailed codes, and a mail server that is
 * down and comes back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(SuitePorts.smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("p2p", "mail-secret"))
            .withPerMethodLifecycle(false);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aNewSessionSendsAnAlertWithTimeAddressAndDevice() throws Exception {
        Api user = Api.suiteUser();
        user.get("/api/auth/me");

        MimeMessage alert = awaitMail(user.username() + "@p2p.test", "New sign-in");

        assertEquals("New sign-in to your p2p-storage account", alert.getSubject());
        assertEquals("drive@p2p.test", alert.getFrom()[0].toString());
        String body = GreenMailUtil.getBody(alert);
        assertTrue(body.contains("Address: " + user.address()), body);
        assertTrue(body.contains("Device:  p2p-it/1.0"), body);
        assertTrue(body.contains(" UTC"), body);
        assertTrue(body.contains("http://localhost:8080/account/security.xhtml"), "a link to the sessions page: " + body);
        assertFalse(body.contains("/api/"), "no API route to type: " + body);
    }

    @Test
    void emailedCodesTurnOnTwoFactorAndCompleteALogin() throws Exception {
        Api user = Api.suiteUser();
        String email = user.username() + "@p2p.test";
        JsonObject setup = user.postJson("/api/auth/enable-otp", Json.createObjectBuilder().add("method", "email").build()).json();
        assertEquals("EMAIL", setup.getString("method"));
        assertEquals(email, setup.getString("codeSentTo"));

        String enableCode = code(awaitMail(email, "Your p2p-storage code"));
        Api.Answer confirmed = user.postJson("/api/auth/confirm-otp", Json.createObjectBuilder().add("code", enableCode).build());
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("EMAIL", user.get("/api/auth/me").json().getString("secondFactor"));

        JsonObject login = TwoFactorIT.login(user.username()).json();
        assertTrue(login.getBoolean("otpRequired"));
        assertEquals("EMAIL", login.getString("method"));
        String loginCode = code(awaitMail(email, "Your p2p-storage code", enableCode));

        assertEquals(401, TwoFactorIT.otp(login.getString("challenge"), enableCode).status(), "the first code is used up");
        Api.Answer done = TwoFactorIT.otp(login.getString("challenge"), loginCode);
        assertEquals(200, done.status(), done.body());
        assertTrue(done.json().containsKey("token"));

        JsonObject again = TwoFactorIT.login(user.username()).json();
        String thirdCode = code(awaitMail(email, "Your p2p-storage code", enableCode, loginCode));
        assertEquals(401, TwoFactorIT.otp(again.getString("challenge"), loginCode).status(), "a code works once");
        assertEquals(200, TwoFactorIT.otp(again.getString("challenge"), thirdCode).status());

        Api.Answer asked = TwoFactorIT.throttled(() -> user.postJson("/api/auth/disable-otp",
                Json.createObjectBuilder().add("password", Api.PASSWORD).build()));
        assertEquals(202, asked.status(), asked.body());
        assertTrue(asked.json().getBoolean("codeSent"));
        String disableCode = code(awaitMail(email, "Your p2p-storage code", enableCode, loginCode, thirdCode));
        Api.Answer disabled = user.postJson("/api/auth/disable-otp", Json.createObjectBuilder()
                .add("password", Api.PASSWORD).add("code", disableCode).build());
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals("NONE", user.get("/api/auth/me").json().getString("secondFactor"));
    }

    @Test
    void aPasswordChangeIsAnnounced() throws Exception {
        Api user = Api.suiteUser();
        Api.Answer changed = user.postJson("/api/auth/password", Json.createObjectBuilder()
                .add("password", Api.PASSWORD).add("newPassword", "a brand new passphrase").build());
        assertEquals(200, changed.status(), changed.body());

        MimeMessage notice = awaitMail(user.username() + "@p2p.test", "Your p2p-storage password was changed");
        assertTrue(GreenMailUtil.getBody(notice).contains("Every other session was ended"));
        assertFalse(GreenMailUtil.getBody(notice).contains("a brand new passphrase"));
    }

    @Test
    void mailQueuedWhileTheMailServerIsDownIsDeliveredWhenItIsBack() throws Exception {
        Api user = Api.suiteUser();
        String email = user.username() + "@p2p.test";
        MAIL.stop();
        try {
            assertEquals(200, user.get("/api/auth/me").status(), "the login is answered while the mail server is down");
            awaitLog("mail to " + email + " not sent");
        } finally {
            MAIL.start();
        }
        MimeMessage alert = awaitMail(email, "New sign-in");
        assertEquals("New sign-in to your p2p-storage account", alert.getSubject());
    }

    /** The first mail to the address whose subject starts so, and whose text has none of the codes seen. */
    static MimeMessage awaitMail(String to, String subject, String... seen) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (addressedTo(message, to) && message.getSubject().startsWith(subject)
                        && List.of(seen).stream().noneMatch(GreenMailUtil.getBody(message)::contains)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail \"" + subject + "\" to " + to + " within " + PATIENCE);
    }

    static String code(MimeMessage message) throws MessagingException {
        Matcher matcher = CODE.matcher(GreenMailUtil.getBody(message));
        assertTrue(matcher.find(), "a six-digit code in the mail");
        assertTrue(message.getSubject().endsWith(matcher.group(1)), message.getSubject());
        return matcher.group(1);
    }

    private static boolean addressedTo(MimeMessage message, String to) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        return recipients != null && List.of(recipients).stream().anyMatch(a -> a.toString().equalsIgnoreCase(to));
    }

    private static void awaitLog(String line) throws Exception {
        Path log = Path.of(System.getProperty("it.servers"), "suite", "log", "server.log");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server log never said: " + line);
    }
}
