package org.p2pstorage.remote.control;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * The one way every unary gRPC method answers: the value, or the status its failure maps to; a failure
 * that is not the project's own is logged here (REST logs it in its mapper) and answered INTERNAL.
 */
public final class Calls {

    private static final Logger LOG = Logger.getLogger(Calls.class.getName());

    private Calls() {
    }

    public static <T> void unary(StreamObserver<T> responses, Supplier<T> answer) {
        T value;
        try {
            value = answer.get();
        } catch (RuntimeException e) {
            fail(responses, FailureStatus.of(e), e);
            return;
        }
        responses.onNext(value);
        responses.onCompleted();
    }

    /** Ends the call with the status; a call the client already left is not an error. */
    public static void fail(StreamObserver<?> responses, StatusRuntimeException status) {
        fail(responses, status, null);
    }

    public static void fail(StreamObserver<?> responses, StatusRuntimeException status, Throwable cause) {
        if (cause != null && status.getStatus().getCode() == io.grpc.Status.Code.INTERNAL) {
            LOG.log(Level.SEVERE, "a gRPC call failed", cause);
        }
        try {
            responses.onError(status);
        } catch (RuntimeException alreadyClosed) {
            LOG.log(Level.FINE, "the call was already closed: {0}", alreadyClosed.getMessage());
        }
    }

    /** The client's IP address as the transport saw it (for the login throttle), or "unknown". */
    public static String clientAddress() {
        String address = CallerKey.ADDRESS.get();
        return address == null ? "unknown" : address;
    }
}
