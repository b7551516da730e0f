package org.p2pstorage.remote.control;

import org.p2pstorage.remote.entity.CommandResult;

/**
 * What the SSH session's {@link RemoteCommand} and {@link RemoteShell} run each line through: the fixed
 * command set, which is the SSH server's boundary ({@code RemoteCommands}). The terminal's side stays here,
 * the command set (which asks the other features' boundaries) is handed in by {@code SshService}.
 */
@FunctionalInterface
public interface CommandSet {

    /** Runs one command line as the user; refusals are exit status 1 with a message, never a stack trace. */
    CommandResult run(String username, boolean admin, String line);
}
