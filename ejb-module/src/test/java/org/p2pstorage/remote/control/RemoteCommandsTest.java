package org.p2pstorage.remote.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2pstorage.remote.boundary.RemoteBoundaries;
import org.p2pstorage.remote.entity.CommandResult;

/** The rules that hold before any boundary is called: the fixed command set, usage, admins only. */
class RemoteCommandsTest {

    private final RemoteCommands commands = new RemoteCommands(new RemoteBoundaries(null, null, null, null, null, null, null, null));

    @Test
    void anythingOutsideTheCommandSetIsWrongUsageNotAShell() {
        CommandResult shell = commands.run("alice", false, "cat /etc/passwd");

        assertEquals(2, shell.exitStatus());
        assertTrue(shell.err().startsWith("Unknown command: cat"), shell.err());
        assertEquals("", shell.out());
    }

    @Test
    void aNodeIsStoppedByAnAdminOnly() {
        CommandResult refused = commands.run("alice", false, "node stop Node_01");

        assertEquals(1, refused.exitStatus());
        assertEquals("Error: only an admin may stop a node\n", refused.err());
        assertEquals(2, commands.run("admin", true, "node halt Node_01").exitStatus());
        assertEquals(2, commands.run("alice", false, "info").exitStatus());
    }

    @Test
    void helpListsTheCommands() {
        CommandResult help = commands.run("alice", false, "help");

        assertEquals(0, help.exitStatus());
        assertTrue(help.out().contains("node stop|start <id>"), help.out());
    }
}
