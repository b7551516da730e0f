package org.p2pstorage.network.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.boundary.NodeImpacts;
import org.p2pstorage.catalog.boundary.Repairs;
import org.p2pstorage.catalog.entity.RepairStatus;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.p2pstorage.network.entity.ScrubStatus;

/**
 * The Network page's durability panel: where repair stands (chunks at risk, bytes to move and moved, the
 * time left, and per node since when it is down and when its copies start being replaced), where scrubbing
 * stands (the last full pass, chunks verified, bad copies found and replaced; admins start a pass now), and,
 * before an admin stops a node, what that would do to the stored files. The same boundaries as
 * {@code GET /api/repair} and {@code /api/scrub}.
 */
@Named
@ViewScoped
public class RepairView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Repairs repairs;

    @EJB
    Scrubber scrubber;

    @EJB
    NodeImpacts impacts;

    @Inject
    Client client;

    private RepairStatus repair;
    private ScrubStatus scrub;
    private long scrubRepaired;
    private NodeImpacts.Impact impact;

    @PostConstruct
    public void refresh() {
        repair = repairs.status();
        scrub = scrubber.status();
        scrubRepaired = Math.min(repairs.scrubFindings()[1], scrub.errorsFound());
    }

    public void scrubNow() {
        if (FacesFailures.perform(() -> {
            client.requireAdmin();
            scrubber.startNow();
        })) {
            FacesFailures.info("a scrub pass started: every copy is read again and checked against its SHA-256");
        }
        refresh();
    }

    /** What stopping this node would do, shown in the confirmation before it is stopped. */
    public void assess(String nodeId) {
        impact = FacesFailures.attempt(() -> {
            client.requireAdmin();
            return impacts.ifStopped(nodeId);
        });
    }

    public String getImpactText() {
        if (impact == null) {
            return "";
        }
        if (impact.becomeUnavailable() == 0 && impact.becomeDegraded() == 0) {
            return "No stored file would suffer: the " + files(impact.filesHeld()) + " with copies on " + impact.node()
                    + " keep enough copies elsewhere.";
        }
        return files(impact.becomeUnavailable()) + " would become unavailable (no copy of some chunk left on a live node) and "
                + files(impact.becomeDegraded()) + " would become degraded (still readable, fewer copies), of the "
                + files(impact.filesHeld()) + " with copies on " + impact.node() + ".";
    }

    private static String files(long count) {
        return count + (count == 1 ? " file" : " files");
    }

    /** The share of the bytes repair had to move that it has moved, in percent. */
    public int getMovedPercent() {
        long total = repair.bytesToMove() + repair.bytesMoved();
        return total == 0 ? 100 : (int) Math.min(100, repair.bytesMoved() * 100 / total);
    }

    public String getEta() {
        long ms = repair.etaMs();
        if (repair.chunksAtRisk() == 0) {
            return "nothing to repair";
        }
        return ms <= 0 ? "waiting for the grace period" : ms < 60_000
                ? String.format(Locale.ROOT, "about %.0f s left", Math.ceil(ms / 1000.0))
                : String.format(Locale.ROOT, "about %d min %02d s left", ms / 60_000, ms / 1000 % 60);
    }

    public String getScrubProgress() {
        ScrubStatus.Pass pass = scrub.currentPass();
        if (!scrub.running() || pass == null) {
            return "idle";
        }
        return "running: " + pass.chunksVerified() + " of " + pass.chunksTotal() + " chunks checked";
    }

    /** The nodes repair is about: those down now, and those that lost copies or carry repair traffic. */
    public List<RepairStatus.NodeRepair> getAffectedNodes() {
        return repair.nodes().stream().filter(n -> n.downSince() != null || n.copiesLost() > 0 || n.bytesIn() > 0
                || n.bytesOut() > 0).toList();
    }

    public boolean isAdmin() {
        return client.caller().map(c -> c.admin()).orElse(false);
    }

    public RepairStatus getRepair() {
        return repair;
    }

    public ScrubStatus getScrub() {
        return scrub;
    }

    public long getScrubRepaired() {
        return scrubRepaired;
    }

    public NodeImpacts.Impact getImpact() {
        return impact;
    }
}
