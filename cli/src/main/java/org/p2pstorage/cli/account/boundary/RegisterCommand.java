package org.p2pstorage.cli.account.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Creates an account; the password is asked twice, without echo. */
@Command(name = "register", description = "Create an account (the password is asked without echo).")
public class RegisterCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<username>")
    String username;

    @Parameters(index = "1", paramLabel = "<email>")
    String email;

    @Override
    protected void run() throws Exception {
        String password = prompter().secret("Password: ");
        String again = prompter().secret("Repeat the password: ");
        if (!password.equals(again)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        JsonObject account = (JsonObject) anonymous().post("/api/auth/register", Json.createObjectBuilder()
                .add("username", username).add("email", email).add("password", password).build());
        if (json()) {
            printJson(account);
        } else {
            out().println("Registered " + account.getString("username", username) + " <" + email + ">"
                    + ("ADMIN".equalsIgnoreCase(account.getString("role", "")) ? " (admin)" : "") + ". Now: login " + username);
        }
    }
}
