package org.p2pstorage.catalog.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.entity.FileSettled;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.catalog.entity.UploadResponse;

/**
 * Answers those who wait for an upload to end ({@code ?wait=true}, a gRPC upload with wait) without a thread
 * per waiter: a waiter is a callback, called when the file leaves TRANSFERRING ({@link FileSettled}, fired
 * by the transaction that settled it) or when its time is up. A slow look at the catalog every second
 * also catches files settled where no event is seen (another server's consumer).
 */
@ApplicationScoped
public class UploadWatch {

    private static final Logger LOG = Logger.getLogger(UploadWatch.class.getName());
    private static final long SWEEP_MS = 1000;

    private record Waiter(long deadlineNanos, Consumer<UploadResponse> then) {
    }

    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweep;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CatalogRepository catalog;

    @PostConstruct
    void startSweeping() {
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_MS, SWEEP_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopSweeping() {
        sweep.cancel(false);
    }

    /** Calls {@code then} once, with the file as it stands when it leaves TRANSFERRING or when {@code timeout} is up. */
    public void whenSettled(String fileId, Duration timeout, Consumer<UploadResponse> then) {
        waiters.computeIfAbsent(fileId, id -> new CopyOnWriteArrayList<>())
                .add(new Waiter(System.nanoTime() + timeout.toNanos(), then));
        changed(fileId);
    }

    /** The file may have settled: look, and answer its waiters if it has. */
    public void changed(String fileId) {
        if (!waiters.containsKey(fileId)) {
            return;
        }
        StoredFile file = catalog.find(fileId).orElse(null);
        boolean settled = file == null || file.status() != FileStatus.TRANSFERRING;
        long now = System.nanoTime();
        List<Waiter> list = waiters.getOrDefault(fileId, List.of());
        for (Waiter waiter : list) {
            if ((settled || now >= waiter.deadlineNanos()) && list.remove(waiter)) {
                answer(waiter, file == null ? UploadResponse.gone(fileId) : UploadResponse.of(file));
            }
        }
        waiters.computeIfPresent(fileId, (id, l) -> l.isEmpty() ? null : l);
    }

    void settled(@Observes(during = TransactionPhase.AFTER_SUCCESS) FileSettled event) {
        if (waiters.containsKey(event.fileId())) {
            scheduler.execute(() -> changed(event.fileId()));
        }
    }

    private void sweep() {
        for (String fileId : List.copyOf(waiters.keySet())) {
            try {
                changed(fileId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "could not look at the upload of " + fileId);
            }
        }
    }

    private static void answer(Waiter waiter, UploadResponse response) {
        try {
            waiter.then().accept(response);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an upload's waiter failed", e);
        }
    }
}
