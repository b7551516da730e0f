package org.p2pstorage.catalog.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.p2pstorage.catalog.entity.FileSummary;

/**
 * The badge of a file in lists and search results: transferring, failed, or, once stored, its health as
 * the durability catalog reports it (healthy: every copy on a live node; degraded: some copies missing but
 * readable; unavailable: some chunk has no live copy). A file that cannot be downloaded never reads
 * "available". Also the "recovered from" mark of a file rebuilt from the nodes after a catalog loss.
 */
@Named
@ApplicationScoped
public class HealthBadges {

    /** The word on the badge. */
    public String label(FileSummary file) {
        return word(file);
    }

    /** The word on the badge, which the Status column also sorts by. */
    static String word(FileSummary file) {
        return switch (file.status()) {
            case "TRANSFERRING" -> "uploading";
            case "FAILED" -> "failed";
            default -> file.health() == null ? "unavailable" : file.health();
        };
    }

    /** The badge's style: one per word, with AA contrast. */
    public String style(FileSummary file) {
        return "badge badge-" + label(file);
    }

    /** The owner the file was recovered from (after a catalog loss), or null. */
    public String recoveredFrom(FileSummary file) {
        return file.recoveredFrom();
    }

    /** What the badge means, for its title. */
    public String meaning(FileSummary file) {
        return switch (label(file)) {
            case "healthy" -> "all " + file.replicas() + " copies of every chunk are on live nodes";
            case "degraded" -> "some chunks have fewer than " + file.replicas() + " copies on live nodes; it still downloads, and repair is on its way";
            case "unavailable" -> "some chunk has no copy on a live node: it cannot be downloaded now";
            case "uploading" -> "its chunks are on their way to the nodes";
            default -> "the upload failed";
        };
    }
}
