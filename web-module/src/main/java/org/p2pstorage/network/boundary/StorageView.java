package org.p2pstorage.network.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.network.entity.StorageStatus;

/**
 * The Storage page: first what is the user's own (their files, their bytes), then the shared network's
 * capacity, use and segments in total and per node (as {@code GET /api/storage/status}), labelled as the
 * whole network's, with a per-node chart; admins also see the catalog's counts for every user.
 */
@Named
@ViewScoped
public class StorageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    NetworkState networkState;

    @EJB
    Files files;

    @Inject
    Client client;

    private StorageStatus storage;
    private FileTotals totals;
    private List<FileSummary> mine = List.of();

    @PostConstruct
    public void refresh() {
        storage = networkState.storage();
        mine = files.list(client.username());
        totals = isAdmin() ? files.totals() : null;
    }

    public boolean isAdmin() {
        return client.caller().map(c -> c.admin()).orElse(false);
    }

    public int getMyFiles() {
        return mine.size();
    }

    public long getMyBytes() {
        return mine.stream().mapToLong(FileSummary::size).sum();
    }

    /** The per-node utilization as a Chart.js bar chart, in percent of each node's capacity. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        storage.nodes().forEach(n -> {
            labels.add(n.id());
            values.add(Math.round(n.utilizationPercent() * 100) / 100.0);
        });
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "used (% of the node's capacity)").add("data", values)
                                .add("backgroundColor", "#1565c0"))))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", TrafficChart.axis("category", "node"))
                                .add("y", TrafficChart.axis("linear", "used (% of capacity)").add("beginAtZero", true)
                                        .add("suggestedMax", 1))))
                .build().toString();
    }

    public StorageStatus getStorage() {
        return storage;
    }

    public FileTotals getTotals() {
        return totals;
    }
}
