package org.p2pstorage.cli.shell.boundary;

import picocli.CommandLine.Command;

/** Clears the screen. */
@Command(name = "clear", description = "Clear the screen.")
public class ClearCommand extends ClientCommand {

    @Override
    protected void run() {
        out().print("\u001b[H\u001b[2J");
    }
}
