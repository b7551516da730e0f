package org.p2pstorage.cli.durability.boundary;

import org.p2pstorage.cli.durability.control.DurabilityReports;
import org.p2pstorage.cli.shell.boundary.ClientCommand;

import picocli.CommandLine.Command;

/** {@code scrub}: the scrubber's status; {@code scrub start} (admins): a full pass now. */
@Command(name = "scrub", description = {"Show the scrubber: it re-reads every copy on every node at a bounded rate,",
        "checks its SHA-256 and hands bad copies to repair. 'scrub start' (admins) starts a full pass now."},
        subcommands = ScrubCommand.Start.class)
public class ScrubCommand extends ClientCommand {

    @Override
    protected void run() throws Exception {
        show(api().getObject("/api/scrub"), DurabilityReports::scrub);
    }

    @Command(name = "start", description = "Start a full scrubbing pass now (admins).")
    static class Start extends ClientCommand {

        @Override
        protected void run() throws Exception {
            show(api().post("/api/scrub").asJsonObject(), status -> "Started a full scrubbing pass.\n" + DurabilityReports.scrub(status));
        }
    }
}
