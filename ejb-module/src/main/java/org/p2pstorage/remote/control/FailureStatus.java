package org.p2pstorage.remote.control;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.p2pstorage.failure.entity.Failure;

/**
 * Turns the project's refusals into gRPC status codes, the way {@code FailureMapper} turns them into HTTP
 * statuses, so a gRPC client learns exactly what a REST client would: what went wrong, in the same words.
 */
public final class FailureStatus {

    private FailureStatus() {
    }

    public static Status.Code code(Failure.Kind kind) {
        return switch (kind) {
            case INVALID -> Status.Code.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.Code.NOT_FOUND;
            case CONFLICT -> Status.Code.FAILED_PRECONDITION;
            case TOO_LARGE, NO_ROOM, OVER_QUOTA, TOO_MANY_REQUESTS -> Status.Code.RESOURCE_EXHAUSTED;
            case UNAVAILABLE -> Status.Code.UNAVAILABLE;
            case CORRUPT -> Status.Code.DATA_LOSS;
            case INTERNAL -> Status.Code.INTERNAL;
            case UNAUTHORIZED -> Status.Code.UNAUTHENTICATED;
            case FORBIDDEN -> Status.Code.PERMISSION_DENIED;
        };
    }

    /**
     * The status for anything a call threw: a {@link Failure} (also found as the cause of a container's
     * wrapper) keeps its message; anything else is INTERNAL without details, as REST answers 500.
     */
    public static StatusRuntimeException of(Throwable thrown) {
        if (thrown instanceof StatusRuntimeException status) {
            return status;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Failure failure) {
                return Status.fromCode(code(failure.kind())).withDescription(failure.getMessage()).asRuntimeException();
            }
        }
        return Status.INTERNAL.withDescription("the server could not complete the call; see its log").asRuntimeException();
    }
}
