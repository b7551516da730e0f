package org.p2pstorage.cli.network.boundary;

import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.shell.boundary.ClientCommand;
import org.p2pstorage.cli.terminal.control.DataSizes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows a node's link, or changes it (admins): bandwidth, delay, loss. */
@Command(name = "link", description = "Show or change a node's link (changes: admin).")
public class LinkCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<id>", description = "e.g. Node_03")
    String id;

    @Option(names = "--bandwidth", paramLabel = "SIZE", description = "bytes per second: 65536, 64KiB, 1MB; 0 = unthrottled")
    String bandwidth;

    @Option(names = "--delay", paramLabel = "MS", description = "propagation delay in ms: 5, or a range 1-10")
    String delay;

    @Option(names = "--loss", paramLabel = "RATE", description = "probability that a packet is lost, 0 to 1")
    Double loss;

    @Override
    protected void run() throws Exception {
        String path = "/api/network/nodes/" + ApiClient.encode(id) + "/link";
        ApiClient api = api();
        JsonObject link = api.getObject(path);
        if (bandwidth != null || delay != null || loss != null) {
            // a PUT replaces every setting: what is not given stays as it is
            JsonObjectBuilder change = Json.createObjectBuilder(link);
            if (bandwidth != null) {
                change.add("bandwidthBytesPerSecond", DataSizes.parse(bandwidth));
            }
            if (delay != null) {
                String[] range = delay.split("-", 2);
                try {
                    change.add("delayMinMs", Integer.parseInt(range[0].strip()))
                            .add("delayMaxMs", Integer.parseInt(range[range.length - 1].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a delay: '" + delay + "' (e.g. 5 or 1-10)");
                }
            }
            if (loss != null) {
                change.add("lossRate", loss);
            }
            link = (JsonObject) api.put(path, change.build());
        }
        if (json()) {
            printJson(link);
            return;
        }
        long bytesPerSecond = link.getJsonNumber("bandwidthBytesPerSecond").longValue();
        out().println(String.format(Locale.ROOT, "%s link: bandwidth %s, delay %d-%d ms, loss %.2f%%", id,
                bytesPerSecond <= 0 ? "unthrottled" : DataSizes.rate(bytesPerSecond), link.getInt("delayMinMs"),
                link.getInt("delayMaxMs"), link.getJsonNumber("lossRate").doubleValue() * 100));
    }
}
