package org.p2pstorage.cli.account.boundary;

import jakarta.json.JsonObject;

import org.p2pstorage.cli.shell.boundary.ClientCommand;
import org.p2pstorage.cli.terminal.control.DataSizes;

import picocli.CommandLine.Command;

/** The signed-in account, with the storage its quota leaves. */
@Command(name = "whoami", description = "Show the signed-in account and its storage quota.")
public class WhoamiCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getObject("/api/auth/me"), me -> me.getString("username", "?") + " <" + me.getString("email", "?")
                + ">, role " + me.getString("role", "?") + ", second factor " + me.getString("secondFactor", "NONE")
                + "\n" + storage(me));
    }

    /** "Storage: 1.20MB of 10.00GB used (10.00GB left)", when the server tells the quota. */
    static String storage(JsonObject me) {
        if (!me.containsKey("quotaBytes") || !me.containsKey("usedBytes")) {
            return "";
        }
        long quota = me.getJsonNumber("quotaBytes").longValue();
        long used = me.getJsonNumber("usedBytes").longValue();
        return "Storage: " + DataSizes.format(used) + " of " + DataSizes.format(quota) + " used ("
                + DataSizes.format(Math.max(0, quota - used)) + " left)\n";
    }
}
