package org.p2pstorage.cli.account.boundary;

import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** The signed-in account. */
@Command(name = "whoami", description = "Show the signed-in account.")
public class WhoamiCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getObject("/api/auth/me"), me -> me.getString("username", "?") + " <" + me.getString("email", "?")
                + ">, role " + me.getString("role", "?") + ", second factor " + me.getString("secondFactor", "NONE") + "\n");
    }
}
