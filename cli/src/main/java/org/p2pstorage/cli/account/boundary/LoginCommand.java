package org.p2pstorage.cli.account.boundary;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.session.control.SessionStore;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Signs in: the password, and the second factor's code if the account has one (a TOTP code, the
 * e-mailed code or a backup code), both asked without echo. The session is saved for the next commands.
 */
@Command(name = "login", description = "Sign in (password and, if required, the code are asked without echo).")
public class LoginCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<username>", description = "the username or e-mail")
    String username;

    /** {@code 2026-11-22 12:34 UTC}, or the text as it came. */
    static String readable(String instant) {
        try {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.parse(instant));
        } catch (DateTimeException e) {
            return instant;
        }
    }

    @Override
    protected void run() throws Exception {
        String password = prompter().secret("Password: ");
        ApiClient api = anonymous();
        JsonObject answer = (JsonObject) api.post("/api/auth/login", Json.createObjectBuilder()
                .add("username", username).add("password", password).build());
        if (answer.getBoolean("otpRequired", false)) {
            String method = answer.getString("method", "APP");
            String code = prompter().secret("EMAIL".equals(method)
                    ? "Code (sent by e-mail, or a backup code): " : "Authenticator code (or a backup code): ");
            answer = (JsonObject) api.post("/api/auth/login/otp", Json.createObjectBuilder()
                    .add("challenge", answer.getString("challenge")).add("code", code.strip()).build());
        }
        String token = answer.getString("token");
        JsonObject me = api.withToken(token).getObject("/api/auth/me");
        String name = me.getString("username", username);
        sessions().save(new SessionStore.Session(api.base(), name, token, answer.getString("expiresAt", "")));
        if (json()) {
            printJson(Json.createObjectBuilder().add("username", name).add("role", me.getString("role", ""))
                    .add("expiresAt", answer.getString("expiresAt", "")).build());
        } else {
            out().println("Logged in as " + name + ("ADMIN".equalsIgnoreCase(me.getString("role", "")) ? " (admin)" : "")
                    + " on " + api.base() + "; session until " + readable(answer.getString("expiresAt", "")) + ".");
        }
    }
}
