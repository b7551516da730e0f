package org.p2pstorage.cli.shell.boundary;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;

import jakarta.json.JsonStructure;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.api.entity.ApiException;
import org.p2pstorage.cli.session.control.SessionStore;
import org.p2pstorage.cli.shell.control.Prompter;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the root's settings (server, config folder, {@code --json}), the output
 * writers of its {@code CommandLine} (so that tests and the shell capture them), the prompter and a
 * client of the API signed in with the saved session.
 */
public abstract class ClientCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected P2p root() {
        return (P2p) spec.root().userObject();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected boolean json() {
        return root().json();
    }

    protected Prompter prompter() {
        return root().prompter();
    }

    protected SessionStore sessions() {
        return new SessionStore(root().settings().configDir());
    }

    /** An anonymous client of the server. */
    protected ApiClient anonymous() {
        return new ApiClient(root().settings().baseUrl(), null);
    }

    /** A client signed in with the saved session; an error if there is none. */
    protected ApiClient api() {
        String server = root().settings().baseUrl();
        return sessions().load(server).map(s -> new ApiClient(server, s.token()))
                .orElseThrow(() -> new ApiException(401, "NOT_LOGGED_IN",
                        "not logged in to " + server + ": run 'login <username>' first"));
    }

    /** Prints the server's JSON as it is, one line, for scripts. */
    protected void printJson(JsonStructure json) {
        out().println(json.toString());
        out().flush();
    }

    /** The server's JSON with {@code --json}, else its text rendering. */
    protected <T extends JsonStructure> void show(T json, Function<T, String> text) {
        if (json()) {
            printJson(json);
        } else {
            out().print(text.apply(json));
        }
    }

    @Override
    public Integer call() throws Exception {
        run();
        out().flush();
        return 0;
    }

    protected abstract void run() throws Exception;
}
