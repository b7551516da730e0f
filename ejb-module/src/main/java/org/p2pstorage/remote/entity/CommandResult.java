package org.p2pstorage.remote.entity;

/** What a remote command printed and its exit status (0 done, 1 refused or failed, 2 wrong usage). */
public record CommandResult(int exitStatus, String out, String err) {

    public static CommandResult done(String out) {
        return new CommandResult(0, out, "");
    }

    public static CommandResult failed(String message) {
        return new CommandResult(1, "", "Error: " + message + "\n");
    }

    public static CommandResult usage(String message) {
        return new CommandResult(2, "", message + "\n");
    }
}
