package org.p2pstorage.failure.entity;

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
        UNAVAILABLE,
        CORRUPT,
        INTERNAL
    }

    private final Kind kind;

    public Failure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Failure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static Failure notFound(String what) {
        return new Failure(Kind.NOT_FOUND, what);
    }

    public static Failure invalid(String what) {
        return new Failure(Kind.INVALID, what);
    }
}
