package org.p2pstorage.catalog.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.p2pstorage.catalog.entity.TransferProgress;

/**
 * The transfers one My Drive page has watched, with their latest progress, and the uploads its user
 * cancelled. A transfer cannot be stopped half-way through the network, so a cancelled file is hidden at
 * once and deleted as soon as its transfer ends: cancelling leaves no file. The time left comes from the
 * rate measured so far.
 */
public class TransferWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, TransferProgress> progress = new ConcurrentHashMap<>();
    private final Set<String> cancelledIds = ConcurrentHashMap.newKeySet();
    /** Names cancelled in the browser, with when: forgotten after {@link #NAME_CANCEL_MS} if no such upload came. */
    private final Map<String, Long> cancelledNames = new ConcurrentHashMap<>();
    private static final long NAME_CANCEL_MS = 600_000;

    void update(TransferProgress latest) {
        progress.put(latest.fileId(), latest);
    }

    /** The files whose progress is shown, and those cancelled. */
    List<String> watched() {
        Set<String> ids = new java.util.LinkedHashSet<>(progress.keySet());
        ids.addAll(cancelledIds);
        return List.copyOf(ids);
    }

    /** The files cancelled here: hidden from the list until they are deleted. */
    Set<String> cancelled() {
        return Set.copyOf(cancelledIds);
    }

    boolean watches(String fileId) {
        return progress.containsKey(fileId);
    }

    /**
     * Forgets the files that were watched when a refresh began and were not found by it (deleted meanwhile).
     * Only those: a cancel or an upload's answer that came while the refresh ran is kept, never lost to it.
     */
    void forget(List<String> watchedBefore, Set<String> found) {
        watchedBefore.stream().filter(id -> !found.contains(id)).forEach(id -> {
            progress.remove(id);
            cancelledIds.remove(id);
        });
    }

    List<TransferProgress> inOrder(List<String> fileIds) {
        return fileIds.stream().filter(id -> !cancelledIds.contains(id)).map(progress::get).filter(p -> p != null).toList();
    }

    void clearFinished() {
        progress.values().removeIf(t -> !"TRANSFERRING".equals(t.status()));
    }

    void cancel(String fileId) {
        cancelledIds.add(fileId);
    }

    /** An upload cancelled in the browser before its request answered: known by its name only. */
    void cancelByName(String name) {
        cancelledNames.put(name, System.currentTimeMillis());
    }

    /** Whether the upload just made of this name was cancelled meanwhile (then its id is cancelled). */
    boolean claimCancelled(String name, String fileId) {
        cancelledNames.values().removeIf(at -> at < System.currentTimeMillis() - NAME_CANCEL_MS);
        if (cancelledNames.remove(name) != null) {
            cancelledIds.add(fileId);
            return true;
        }
        return false;
    }

    boolean isCancelled(String fileId) {
        return cancelledIds.contains(fileId);
    }

    /** "3.2 s left", from the model's expected duration while it holds, else from the rate measured so far. */
    static String timeLeft(TransferProgress p) {
        if (!"TRANSFERRING".equals(p.status())) {
            return "AVAILABLE".equals(p.status()) ? "done in " + seconds(p.elapsedMs()) : p.status().toLowerCase(Locale.ROOT);
        }
        String retransmissions = p.retransmissions() > 0 ? " · " + p.retransmissions() + " retransmitted" : "";
        return remainingMs(p) < 0 ? "estimating…" + retransmissions : "about " + seconds(remainingMs(p)) + " left" + retransmissions;
    }

    /**
     * The time left in ms, or -1 while nothing lets us say: from the rate measured so far (the bytes of every
     * copy acknowledged in the time elapsed), which holds as the uploader keeps booking the links. Not the link
     * model's expectation: it covers the chunks booked so far, not the whole file, which made the time left
     * read far too short while an upload was still being sent. Before the first acknowledgement: "estimating".
     */
    static long remainingMs(TransferProgress p) {
        double done = p.bytesTotal() <= 0 ? p.percent() / 100 : p.bytesAcknowledged() / (double) p.bytesTotal();
        return done > 0 && p.elapsedMs() > 0 ? Math.round(p.elapsedMs() * (1 - done) / done) : -1;
    }

    private static String seconds(long ms) {
        return ms < 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : (ms / 1000) + " s";
    }
}
