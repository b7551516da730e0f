package org.p2pstorage.cli.shell.boundary;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.p2pstorage.cli.account.boundary.EnableOtpCommand;
import org.p2pstorage.cli.account.boundary.LoginCommand;
import org.p2pstorage.cli.account.boundary.LogoutCommand;
import org.p2pstorage.cli.account.boundary.RegisterCommand;
import org.p2pstorage.cli.account.boundary.SshKeyCommand;
import org.p2pstorage.cli.account.boundary.WhoamiCommand;
import org.p2pstorage.cli.api.entity.ApiException;
import org.p2pstorage.cli.demo.boundary.DemoCommand;
import org.p2pstorage.cli.durability.boundary.RebuildCommand;
import org.p2pstorage.cli.durability.boundary.RepairCommand;
import org.p2pstorage.cli.durability.boundary.ScrubCommand;
import org.p2pstorage.cli.files.boundary.DeleteCommand;
import org.p2pstorage.cli.files.boundary.DownloadCommand;
import org.p2pstorage.cli.files.boundary.InfoCommand;
import org.p2pstorage.cli.files.boundary.LsCommand;
import org.p2pstorage.cli.files.boundary.UploadCommand;
import org.p2pstorage.cli.network.boundary.HealthCommand;
import org.p2pstorage.cli.network.boundary.LinkCommand;
import org.p2pstorage.cli.network.boundary.NodeCommand;
import org.p2pstorage.cli.network.boundary.NodesCommand;
import org.p2pstorage.cli.network.boundary.StatsCommand;
import org.p2pstorage.cli.network.boundary.StorageCommand;
import org.p2pstorage.cli.network.boundary.TopologyCommand;
import org.p2pstorage.cli.shell.control.Prompter;
import org.p2pstorage.cli.shell.entity.Settings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code p2p}: with no command, the interactive shell ({@code P2P-Storage > }); with one, runs it and
 * exits 0 (done), 1 (failed: one line on stderr) or 2 (wrong usage).
 */
@Command(name = "p2p", mixinStandardHelpOptions = true, version = "p2p 1.0.0",
        description = "The p2p-storage client: an interactive shell (no command) or one command.",
        subcommands = {HelpCommand.class, RegisterCommand.class, LoginCommand.class, LogoutCommand.class,
                WhoamiCommand.class, EnableOtpCommand.class, SshKeyCommand.class, UploadCommand.class, DownloadCommand.class,
                DeleteCommand.class, LsCommand.class, InfoCommand.class, NodesCommand.class, HealthCommand.class,
                StorageCommand.class, TopologyCommand.class, StatsCommand.class, NodeCommand.class,
                LinkCommand.class, RepairCommand.class, ScrubCommand.class, RebuildCommand.class, DemoCommand.class,
                ClearCommand.class, ExitCommand.class})
public class P2p implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CANCELLED = 130;

    private final Prompter prompter;
    private final boolean interactive;

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "the server (default: $P2P_SERVER, else " + Settings.DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--config-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "where the session is kept (default: $P2P_CONFIG_DIR, else ~/.config/p2p-storage)")
    Path configDir;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "machine-readable output")
    boolean json;

    /**
     * @param interactive whether output goes to a terminal (progress bars redraw in place)
     */
    public P2p(Settings defaults, boolean json, Prompter prompter, boolean interactive) {
        this.server = defaults.server();
        this.configDir = defaults.configDir();
        this.json = json;
        this.prompter = prompter;
        this.interactive = interactive;
    }

    public Settings settings() {
        return new Settings(server, configDir);
    }

    public boolean json() {
        return json;
    }

    public Prompter prompter() {
        return prompter;
    }

    public boolean interactive() {
        return interactive;
    }

    /** No command: the shell, with this invocation's options. */
    @Override
    public Integer call() throws Exception {
        return new Shell(settings(), json).run();
    }

    /** The command line with the client's error handling: one line on stderr, exit 1; usage errors exit 2. */
    public static CommandLine commandLine(P2p root) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                return CANCELLED; // Ctrl-C in the shell: it says so itself
            }
            PrintWriter err = failed.getErr();
            err.println("Error: " + message(e));
            err.flush();
            return FAILED;
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("Error: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            err.flush();
            return USAGE;
        });
        return commandLine;
    }

    static String message(Throwable e) {
        if (e instanceof InterruptedException) {
            return "cancelled";
        }
        if (e instanceof ApiException || e.getCause() == null) {
            String message = e.getMessage();
            return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replace('\n', ' ');
        }
        return message(e.getCause());
    }

    public static void main(String[] args) {
        Settings settings = Settings.from(System.getenv());
        boolean terminal = System.console() != null;
        P2p root = new P2p(settings, false, Prompter.standard(), terminal);
        int status = commandLine(root).execute(args);
        System.exit(status);
    }
}
