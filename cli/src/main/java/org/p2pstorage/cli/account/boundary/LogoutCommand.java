package org.p2pstorage.cli.account.boundary;

import org.p2pstorage.cli.api.entity.ApiException;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** Ends the session on the server and removes the token file. */
@Command(name = "logout", description = "Sign out and forget the saved session.")
public class LogoutCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        boolean ended = false;
        try {
            api().post("/api/auth/logout");
            ended = true;
        } catch (ApiException e) {
            if (e.status() != 401) {
                sessions().remove();
                throw e;
            }
        }
        boolean removed = sessions().remove();
        out().println(ended ? "Logged out." : removed ? "The session had already ended; forgotten." : "Not logged in.");
    }
}
