package org.p2pstorage.remote.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.Test;
import org.p2pstorage.failure.entity.Failure;

class FailureStatusTest {

    @Test
    void eachRefusalHasTheCodeTheProtoPromises() {
        assertEquals(Status.Code.INVALID_ARGUMENT, FailureStatus.code(Failure.Kind.INVALID));
        assertEquals(Status.Code.NOT_FOUND, FailureStatus.code(Failure.Kind.NOT_FOUND));
        assertEquals(Status.Code.FAILED_PRECONDITION, FailureStatus.code(Failure.Kind.CONFLICT));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, FailureStatus.code(Failure.Kind.NO_ROOM));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, FailureStatus.code(Failure.Kind.TOO_LARGE));
        assertEquals(Status.Code.UNAVAILABLE, FailureStatus.code(Failure.Kind.UNAVAILABLE));
        assertEquals(Status.Code.DATA_LOSS, FailureStatus.code(Failure.Kind.CORRUPT));
        assertEquals(Status.Code.UNAUTHENTICATED, FailureStatus.code(Failure.Kind.UNAUTHORIZED));
        assertEquals(Status.Code.PERMISSION_DENIED, FailureStatus.code(Failure.Kind.FORBIDDEN));
    }

    @Test
    void aWrappedFailureKeepsItsMessageAndAnythingElseSaysNothingInternal() {
        StatusRuntimeException found = FailureStatus.of(new EJBException(new Failure(Failure.Kind.NOT_FOUND, "no file with id x")));
        assertEquals(Status.Code.NOT_FOUND, found.getStatus().getCode());
        assertEquals("no file with id x", found.getStatus().getDescription());

        StatusRuntimeException other = FailureStatus.of(new IllegalStateException("secret detail"));
        assertEquals(Status.Code.INTERNAL, other.getStatus().getCode());
        assertEquals(false, other.getStatus().getDescription().contains("secret"));
    }
}
