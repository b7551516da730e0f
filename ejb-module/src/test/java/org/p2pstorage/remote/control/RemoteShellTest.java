package org.p2pstorage.remote.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.p2pstorage.remote.boundary.RemoteBoundaries;
import org.p2pstorage.remote.boundary.RemoteCommands;

class RemoteShellTest {

    private String session(String typed) throws Exception {
        RemoteShell shell = new RemoteShell(new RemoteCommands(new RemoteBoundaries(null, null, null, null, null, null, null, null, null, null)),
                user -> false, Runnable::run);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shell.setInputStream(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
        shell.setOutputStream(out);
        shell.converse("alice");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSeedsPromptAnswersEachLineUntilExit() throws Exception {
        String screen = session("help\rnode stop Node_01\rexit\rhelp\r");

        assertTrue(screen.contains(RemoteShell.PROMPT + "help\r\nCommands:"), screen);
        assertTrue(screen.contains("Error: only an admin may stop a node"), screen);
        assertTrue(screen.endsWith("exit\r\nBye.\r\n"), "nothing runs after exit: " + screen);
    }

    @Test
    void backspaceEditsTheLineAndCtrlDLeaves() throws Exception {
        String screen = session("hx\u007Felp\r\u0004");

        assertTrue(screen.contains("Commands:"), "the line was 'help' once edited: " + screen);
        assertTrue(screen.endsWith("Bye.\r\n"), screen);
    }
}
