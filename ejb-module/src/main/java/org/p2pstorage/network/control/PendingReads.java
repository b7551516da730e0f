package org.p2pstorage.network.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.entity.ChunkRead;

/**
 * The reads of chunks this server has asked other servers for, each a future completed by the reply (or by
 * the managed scheduler when none comes in time, as from a server that died): no thread waits for them.
 */
@ApplicationScoped
public class PendingReads {

    private final Map<String, CompletableFuture<Optional<ChunkRead>>> pending = new ConcurrentHashMap<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** A new request id and the future its reply completes; it fails with UNAVAILABLE after {@code timeout}. */
    public Request expect(String nodeId, Duration timeout) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Optional<ChunkRead>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        scheduler.schedule(() -> failed(id, new Failure(Failure.Kind.UNAVAILABLE,
                "the server hosting " + nodeId + " did not answer within " + timeout.toMillis() + " ms")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Request(id, reply);
    }

    /** A request on its way: its id and its reply. */
    public record Request(String id, CompletableFuture<Optional<ChunkRead>> reply) {
    }

    public void answered(String id, Optional<ChunkRead> data) {
        CompletableFuture<Optional<ChunkRead>> reply = pending.remove(id);
        if (reply != null) {
            reply.complete(data);
        }
    }

    public void failed(String id, Failure why) {
        CompletableFuture<Optional<ChunkRead>> reply = pending.remove(id);
        if (reply != null) {
            reply.completeExceptionally(why);
        }
    }
}
