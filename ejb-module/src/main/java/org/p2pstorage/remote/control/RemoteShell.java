package org.p2pstorage.remote.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.p2pstorage.remote.entity.CommandResult;

/**
 * {@code ssh -p 2222 alice@host} without a command: the CLI's {@code P2P-Storage > } prompt over the
 * session's terminal, running each line through the {@link CommandSet} until {@code exit}, {@code quit}
 * or Ctrl-D. The client's terminal is raw, so this echoes what is typed and handles backspace and
 * Ctrl-C (drops the line) itself; still a fixed command set, never an operating-system shell.
 */
public class RemoteShell implements Command {

    static final String PROMPT = "P2P-Storage > ";
    private static final Logger LOG = Logger.getLogger(RemoteShell.class.getName());

    private final CommandSet commands;
    private final Predicate<String> isAdmin;
    private final Executor workers;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile boolean closed;

    public RemoteShell(CommandSet commands, Predicate<String> isAdmin, Executor workers) {
        this.commands = commands;
        this.isAdmin = isAdmin;
        this.workers = workers;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // errors go to the terminal with the rest, as in the CLI's shell
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        String username = channel.getSession().getUsername();
        workers.execute(() -> {
            try {
                converse(username);
            } catch (IOException e) {
                LOG.log(Level.FINE, "SSH shell of {0} ended: {1}", new Object[]{username, e.getMessage()});
            }
            exit.onExit(0);
        });
    }

    /** Reads lines as typed, echoing them, and answers each; returns at exit, quit, Ctrl-D or end of input. */
    void converse(String username) throws IOException {
        print("p2p-storage shell, signed in as " + username + ". Type 'help' for the commands, 'exit' to leave.\n" + PROMPT);
        StringBuilder line = new StringBuilder();
        int c;
        while (!closed && (c = in.read()) >= 0) {
            if (c == '\r' || c == '\n') {
                print("\n");
                String command = line.toString().trim();
                line.setLength(0);
                if (command.equals("exit") || command.equals("quit")) {
                    print("Bye.\n");
                    return;
                }
                CommandResult result = commands.run(username, isAdmin.test(username), command);
                print(result.out() + result.err() + PROMPT);
            } else if (c == 4) {
                if (line.length() == 0) {
                    print("\nBye.\n");
                    return;
                }
            } else if (c == 3) {
                line.setLength(0);
                print("^C\n" + PROMPT);
            } else if (c == 127 || c == 8) {
                if (line.length() > 0) {
                    line.setLength(line.length() - 1);
                    print("\b \b");
                }
            } else if (c >= 32) {
                line.append((char) c);
                out.write(c);
                out.flush();
            }
        }
    }

    private void print(String text) throws IOException {
        out.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void destroy(ChannelSession channel) {
        closed = true;
    }
}
