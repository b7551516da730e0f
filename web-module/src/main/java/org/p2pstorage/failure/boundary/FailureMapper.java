package org.p2pstorage.failure.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.p2pstorage.failure.entity.Failure;

/** Answers a {@link Failure} with its HTTP status and a JSON body. */
@Provider
public class FailureMapper implements ExceptionMapper<Failure> {

    /** 507 Insufficient Storage (RFC 4918): the network has no room. */
    static final StatusType INSUFFICIENT_STORAGE = new CustomStatus(507, "Insufficient Storage");
    /** 502 Bad Gateway: a node handed back a chunk that is missing or damaged. */
    static final StatusType BAD_GATEWAY = Status.BAD_GATEWAY;

    @Override
    public Response toResponse(Failure failure) {
        Response response = ErrorResponse.of(status(failure.kind()), failure.kind().name(), failure.getMessage());
        return switch (failure.kind()) {
            case UNAUTHORIZED -> Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
            case TOO_MANY_REQUESTS -> Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds()).build();
            default -> response;
        };
    }

    static StatusType status(Failure.Kind kind) {
        return switch (kind) {
            case INVALID -> Status.BAD_REQUEST;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
            case TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE;
            case NO_ROOM -> INSUFFICIENT_STORAGE;
            case UNAVAILABLE -> Status.SERVICE_UNAVAILABLE;
            case CORRUPT -> BAD_GATEWAY;
            case INTERNAL -> Status.INTERNAL_SERVER_ERROR;
            case UNAUTHORIZED -> Status.UNAUTHORIZED;
            case FORBIDDEN -> Status.FORBIDDEN;
            case TOO_MANY_REQUESTS -> Status.TOO_MANY_REQUESTS;
        };
    }

    record CustomStatus(int getStatusCode, String getReasonPhrase) implements StatusType {

        @Override
        public Status.Family getFamily() {
            return Status.Family.familyOf(getStatusCode);
        }
    }
}
