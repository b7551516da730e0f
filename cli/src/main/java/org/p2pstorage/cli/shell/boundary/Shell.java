package org.p2pstorage.cli.shell.boundary;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.p2pstorage.cli.session.control.SessionStore;
import org.p2pstorage.cli.shell.control.Prompter;
import org.p2pstorage.cli.shell.entity.Settings;

import picocli.CommandLine;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * The interactive shell: the prompt {@code P2P-Storage > }, line editing, history (kept in the config
 * folder) and tab completion of commands and options. Each line runs on a worker thread, so that Ctrl-C
 * cancels the running command (the worker is interrupted) and not the shell; at the prompt, Ctrl-C
 * clears the line and Ctrl-D or {@code exit} / {@code quit} leave.
 */
public class Shell {

    public static final String PROMPT = "P2P-Storage > ";
    private final Settings settings;
    private final boolean json;

    public Shell(Settings settings, boolean json) {
        this.settings = settings;
        this.json = json;
    }

    public int run() throws IOException {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "p2p-command");
            thread.setDaemon(true);
            return thread;
        });
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
                terminal.setSize(new Size(80, 24)); // a terminal that does not know its size (a bare pty)
            }
            LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal)
                    .completer(new PicocliJLineCompleter(commandLine(null, terminal).getCommandSpec()))
                    .parser(new DefaultParser());
            try {
                new SessionStore(settings.configDir()).createPrivateFolder();
            } catch (IOException e) {
                // no history then
            }
            if (Files.isDirectory(settings.configDir())) {
                builder.variable(LineReader.HISTORY_FILE, settings.configDir().resolve("history"));
            }
            LineReader reader = builder.build();
            PrintWriter out = terminal.writer();
            out.println("p2p-storage shell, server " + settings.baseUrl() + ". Type 'help' for the commands, 'exit' to leave.");
            out.flush();
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
                if (words.isEmpty()) {
                    continue;
                }
                if (words.get(0).equals("exit") || words.get(0).equals("quit")) {
                    break;
                }
                CommandLine commandLine = commandLine(reader, terminal);
                CountDownLatch finished = new CountDownLatch(1);
                Future<Integer> running = worker.submit(() -> {
                    try {
                        return commandLine.execute(words.toArray(String[]::new));
                    } finally {
                        finished.countDown();
                    }
                });
                SignalHandler previous = terminal.handle(Signal.INT, signal -> running.cancel(true));
                try {
                    running.get();
                } catch (CancellationException e) {
                    settle(finished);
                    out.println();
                    out.println("Cancelled.");
                } catch (ExecutionException e) {
                    out.println("Error: " + P2p.message(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    terminal.handle(Signal.INT, previous);
                    out.flush();
                }
            }
            out.println("Bye.");
            out.flush();
            return P2p.OK;
        } finally {
            worker.shutdownNow();
        }
    }

    /** Gives a cancelled command a moment to stop, so that nothing it prints lands after the next prompt. */
    private static void settle(CountDownLatch finished) {
        try {
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fresh command line per line, so that one command's options never leak into the next. */
    private CommandLine commandLine(LineReader reader, Terminal terminal) {
        Prompter prompter = reader == null ? Prompter.standard() : new Prompter() {
            @Override
            public String secret(String prompt) {
                return reader.readLine(prompt, LineReaderImpl.NULL_MASK);
            }

            @Override
            public String line(String prompt) {
                return reader.readLine(prompt);
            }
        };
        CommandLine commandLine = P2p.commandLine(new P2p(settings, json, prompter, true));
        commandLine.setOut(terminal.writer());
        commandLine.setErr(terminal.writer());
        return commandLine;
    }
}
