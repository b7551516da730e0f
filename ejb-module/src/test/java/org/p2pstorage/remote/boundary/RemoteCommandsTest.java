package org.p2pstorage.remote.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2pstorage.remote.entity.CommandResult;

/** The rules that hold before any boundary is called: the fixed command set, usage, admins only. */
class RemoteCommandsTest {

    private final RemoteCommands commands = new RemoteCommands(new RemoteBoundaries(null, null, null, null, null, null, null, null, null, null));

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
        assertTrue(help.out().contains("node <id> ls") && help.out().contains("stats"), help.out());
    }

    @Test
    void aNodesChunkFilesAndItsLinkAreAnAdminsToListAndChange() {
        CommandResult files = commands.run("alice", false, "node Node_01 ls");
        assertEquals(1, files.exitStatus());
        assertEquals("Error: only an admin may list a node's chunk files\n", files.err());

        CommandResult link = commands.run("alice", false, "link Node_01 set loss=0.5");
        assertEquals(1, link.exitStatus());
        assertEquals("Error: only an admin may change a link\n", link.err());
        assertEquals(2, commands.run("admin", true, "link").exitStatus());
        assertEquals(2, commands.run("admin", true, "link Node_01 change").exitStatus());
    }

    @Test
    void linkSettingsAreReadFromNameValueWordsOverTheOldOnes() {
        org.p2pstorage.transfer.entity.LinkSettings old = new org.p2pstorage.transfer.entity.LinkSettings(65_536, 1, 10, 0.01);

        assertEquals(new org.p2pstorage.transfer.entity.LinkSettings(0, 2, 8, 0.01),
                NetworkCommands.changed(old, java.util.List.of("bandwidth=0", "delay=2-8")));
        assertEquals(new org.p2pstorage.transfer.entity.LinkSettings(65_536, 1, 10, 0.05),
                NetworkCommands.changed(old, java.util.List.of("loss=0.05")));
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NetworkCommands.changed(old, java.util.List.of("loss=lots")));
        assertEquals("loss must be a number, got lots", bad.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NetworkCommands.changed(old, java.util.List.of("loss=1.5")), "the link's own rule: below 1");
    }
}
