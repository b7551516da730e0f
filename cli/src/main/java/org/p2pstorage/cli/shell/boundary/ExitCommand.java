package org.p2pstorage.cli.shell.boundary;

import picocli.CommandLine.Command;

/** Leaves the shell (the shell acts on it before running anything; as a one-shot command it does nothing). */
@Command(name = "exit", aliases = "quit", description = "Leave the shell.")
public class ExitCommand extends ClientCommand {

    @Override
    protected void run() {
        // the shell ends its loop on this word
    }
}
