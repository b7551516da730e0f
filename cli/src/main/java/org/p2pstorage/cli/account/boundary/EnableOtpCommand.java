package org.p2pstorage.cli.account.boundary;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.p2pstorage.cli.account.control.TerminalQr;
import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/**
 * Turns on two-factor sign-in with an authenticator app: shows the secret and its QR code, asks for a
 * code to confirm, and shows the ten backup codes this once.
 */
@Command(name = "enable_otp", aliases = "enable-otp",
        description = "Turn on two-factor sign-in (secret and QR code, a confirmation code, backup codes).")
public class EnableOtpCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        ApiClient api = api();
        JsonObject setup = (JsonObject) api.post("/api/auth/enable-otp", Json.createObjectBuilder().add("method", "app").build());
        String secret = setup.getString("secret");
        String uri = setup.getString("uri");
        if (!json()) {
            out().println("Scan this QR code with an authenticator app, or type the secret by hand.");
            out().print(TerminalQr.render(uri));
            out().println("Secret: " + secret);
            out().println("URI:    " + uri);
            out().flush();
        }
        String code = prompter().secret("Code from the app, to confirm: ");
        JsonObject confirmed = (JsonObject) api.post("/api/auth/confirm-otp",
                Json.createObjectBuilder().add("code", code.strip()).build());
        List<String> backupCodes = confirmed.getJsonArray("backupCodes").getValuesAs(JsonString::getString);
        if (json()) {
            printJson(Json.createObjectBuilder().add("secret", secret).add("uri", uri)
                    .add("backupCodes", Json.createArrayBuilder(backupCodes)).build());
            return;
        }
        out().println("Two-factor sign-in is on. Backup codes (each works once; they are shown only now):");
        for (String backup : backupCodes) {
            out().println("  " + backup);
        }
    }
}
