package org.p2pstorage.failure.entity;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the user can act on: unknown id, no room, too large, a node that is down, a damaged chunk.
 * It is an application exception, so it reaches the caller as it is thrown (never wrapped, and never
 * destroying the stateful node bean that threw it); the REST layer turns its {@link Kind} into a status.
 */
@ApplicationException(rollback = true)
public class Failure extends RuntimeException {

    /** What went wrong, in the words the API answers with. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        TOO_LARGE,
        NO_ROOM,
        /** The caller's quota has no room for this upload (the network may still have some). */
        OVER_QUOTA,
        UNAVAILABLE,
        CORRUPT,
        INTERNAL,
        /** No valid session, or wrong credentials: log in (again). */
        UNAUTHORIZED,
        /** Signed in, but not allowed to do this (an admin's action). */
        FORBIDDEN,
        /** Too many failed attempts: wait {@link #retryAfterSeconds()} before trying again. */
        TOO_MANY_REQUESTS
    }

    private final Kind kind;
    private final long retryAfterSeconds;
    /** What the refused work left behind is being removed; done at once for most refusals. */
    private transient CompletionStage<Void> cleanup;

    public Failure(Kind kind, String message) {
        this(kind, message, null);
    }

    public Failure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfterSeconds = 0;
    }

    private Failure(String message, long retryAfterSeconds) {
        super(message);
        this.kind = Kind.TOO_MANY_REQUESTS;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Says that what the refused work left behind (an upload's copies still crossing the links) is removed
     * later, when {@code cleanup} completes: a caller that promises its client "nothing is left" answers then,
     * asynchronously, instead of a thread waiting for it.
     */
    public Failure cleanedUpBy(CompletionStage<Void> cleanup) {
        this.cleanup = cleanup;
        return this;
    }

    /** Completes once nothing of the refused work is left (at once when there was nothing to remove). */
    public CompletionStage<Void> cleanedUp() {
        return cleanup == null ? CompletableFuture.completedFuture(null) : cleanup;
    }

    /** For {@link Kind#TOO_MANY_REQUESTS}: how long the caller must wait, in whole seconds (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static Failure unauthorized(String what) {
        return new Failure(Kind.UNAUTHORIZED, what);
    }

    public static Failure forbidden(String what) {
        return new Failure(Kind.FORBIDDEN, what);
    }

    public static Failure tooManyRequests(String what, long retryAfterSeconds) {
        return new Failure(what, Math.max(1, retryAfterSeconds));
    }

    public static Failure notFound(String what) {
        return new Failure(Kind.NOT_FOUND, what);
    }

    public static Failure invalid(String what) {
        return new Failure(Kind.INVALID, what);
    }
}
