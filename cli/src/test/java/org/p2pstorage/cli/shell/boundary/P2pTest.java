package org.p2pstorage.cli.shell.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2pstorage.cli.shell.control.Prompter;
import org.p2pstorage.cli.shell.entity.Settings;

import picocli.CommandLine;

/** Exit codes and one-line errors, without a server. */
class P2pTest {

    @TempDir
    Path config;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        Prompter none = new Prompter() {
            @Override
            public String secret(String prompt) {
                throw new IllegalStateException("no input");
            }

            @Override
            public String line(String prompt) {
                throw new IllegalStateException("no input");
            }
        };
        CommandLine commandLine = P2p.commandLine(new P2p(new Settings("http://localhost:9", config), false, none, false));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void wrongUsageExitsWithTwoAndOneLine() {
        assertEquals(2, run("upload"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("Error: Missing required parameter: '<path>'"), err.toString());
        assertEquals(2, run("no-such-command"));
    }

    @Test
    void aCommandThatFailsExitsWithOneAndOneLine() {
        assertEquals(1, run("ls"));
        assertEquals("Error: not logged in to http://localhost:9: run 'login <username>' first", err.toString().strip());
    }

    @Test
    void anUnreachableServerIsOneLine() {
        assertEquals(1, run("register", "alice", "a@example.org"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void helpAndInheritedOptions() {
        assertEquals(0, run("help", "upload"));
        assertTrue(out.toString().contains("Usage: p2p upload"), out.toString());
        assertEquals(0, run("help"));
        for (String command : new String[]{"repair", "scrub", "rebuild"}) {
            assertTrue(out.toString().lines().anyMatch(l -> l.strip().startsWith(command + " ")), command + " in:\n" + out);
        }
        assertEquals(0, run("help", "scrub"));
        assertTrue(out.toString().contains("Usage: p2p scrub") && out.toString().contains("start "), out.toString());
        assertEquals(1, run("repair"), "needs a session");
        assertEquals(1, run("ls", "--server", "http://localhost:7", "--json"));
        assertTrue(err.toString().contains("http://localhost:7"), "--server after the command: " + err);
    }
}
