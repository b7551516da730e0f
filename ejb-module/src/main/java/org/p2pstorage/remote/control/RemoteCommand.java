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
 * One {@code ssh user@host <command>}: runs the line through the {@link CommandSet} as the signed-in user,
 * on a worker thread (never MINA's I/O threads), writes what it printed and ends with its exit status.
 */
public class RemoteCommand implements Command {

    private static final Logger LOG = Logger.getLogger(RemoteCommand.class.getName());

    private final String line;
    private final CommandSet commands;
    private final Predicate<String> isAdmin;
    private final Executor workers;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    public RemoteCommand(String line, CommandSet commands, Predicate<String> isAdmin, Executor workers) {
        this.line = line;
        this.commands = commands;
        this.isAdmin = isAdmin;
        this.workers = workers;
    }

    @Override
    public void setInputStream(InputStream in) {
        // remote commands read nothing
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        String username = channel.getSession().getUsername();
        workers.execute(() -> {
            CommandResult result = commands.run(username, isAdmin.test(username), line);
            try {
                write(out, result.out());
                write(err, result.err());
            } catch (IOException e) {
                LOG.log(Level.FINE, "the SSH client left before the answer: {0}", e.getMessage());
            }
            exit.onExit(result.exitStatus());
        });
    }

    private static void write(OutputStream stream, String text) throws IOException {
        if (!text.isEmpty()) {
            stream.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            stream.flush();
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing held
    }
}
