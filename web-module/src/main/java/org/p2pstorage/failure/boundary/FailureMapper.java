package org.p2pstorage.failure.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.request.boundary.BodyLimit;

/**
 * The API's one exception-mapping path: everything thrown while answering becomes
 * {@code {"error","message"}} with its status. A {@link Failure} keeps its kind and words, a Bean
 * Validation refusal is a 400 listing the broken rules, the container's refusals (unknown route, wrong
 * method or media type, a role the caller lacks) get a sentence of ours, since the framework's own
 * messages name its classes, codes and the request's path; anything unexpected is logged with its trace
 * and answered 500 without one. Long words (a 1 MB id sent back in "no file …") are cut short.
 */
@Provider
public class FailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FailureMapper.class.getName());
    /** 507 Insufficient Storage (RFC 4918): the network (or the caller's quota) has no room. */
    static final StatusType INSUFFICIENT_STORAGE = new CustomStatus(507, "Insufficient Storage");
    private static final int LONGEST_WORD = 80;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrapped(thrown);
        if (cause instanceof Failure failure) {
            return toResponse(failure);
        }
        if (cause instanceof ConstraintViolationException violations) {
            return ErrorResponse.of(Status.BAD_REQUEST, "INVALID", violations.getConstraintViolations().stream()
                    .map(ConstraintViolation::getMessage).distinct().sorted().collect(Collectors.joining("; ")));
        }
        if (cause instanceof EJBAccessException) {
            return toResponse(Failure.forbidden("only an admin may do this"));
        }
        if (tooLarge(thrown)) {
            return toResponse(new Failure(Failure.Kind.TOO_LARGE,
                    "the body is larger than " + BodyLimit.MAX_BYTES / 1024 + " KiB"));
        }
        if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            StatusType status = web.getResponse().getStatusInfo();
            return ErrorResponse.of(status, code(status.getStatusCode()), sentence(status.getStatusCode()));
        }
        LOG.log(Level.SEVERE, "unexpected error answering a request", thrown);
        return ErrorResponse.of(Status.INTERNAL_SERVER_ERROR, "INTERNAL",
                "the server could not complete the request; the details are in its log");
    }

    public Response toResponse(Failure failure) {
        Response response = ErrorResponse.of(status(failure.kind()), failure.kind().name(), shortened(failure.getMessage()));
        return switch (failure.kind()) {
            case UNAUTHORIZED -> Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
            case TOO_MANY_REQUESTS -> Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds()).build();
            default -> response;
        };
    }

    private static Throwable unwrapped(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof EJBException && !(cause instanceof EJBAccessException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean tooLarge(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    /** The container's refusals, in our words. JAX-RS answers a malformed query or path parameter 404. */
    static String sentence(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 404 -> "there is no such route or resource; see /openapi for the API";
            case 405 -> "this route does not take this HTTP method";
            case 406 -> "this route answers JSON only";
            case 411 -> "the request needs a Content-Length";
            case 413 -> "the body is too large";
            case 415 -> "this route does not take a body of this content type; send application/json "
                    + "(uploads: multipart/form-data or application/octet-stream)";
            default -> "the request cannot be answered";
        };
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "INVALID";
            case 404 -> "NOT_FOUND";
            case 413 -> "TOO_LARGE";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "INVALID";
        };
    }

    /** Cuts every word longer than {@value #LONGEST_WORD} characters, so no huge input is echoed. */
    static String shortened(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int word = 0;
        for (int i = 0; i < message.length(); i = message.offsetByCodePoints(i, 1)) {
            int c = message.codePointAt(i);
            word = Character.isWhitespace(c) ? 0 : word + 1;
            if (word <= LONGEST_WORD) {
                out.appendCodePoint(c);
            } else if (word == LONGEST_WORD + 1) {
                out.append('…');
            }
        }
        return out.length() > 1000 ? out.substring(0, 1000) + "…" : out.toString();
    }

    static StatusType status(Failure.Kind kind) {
        return switch (kind) {
            case INVALID -> Status.BAD_REQUEST;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
            case TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE;
            case NO_ROOM, OVER_QUOTA -> INSUFFICIENT_STORAGE;
            case UNAVAILABLE -> Status.SERVICE_UNAVAILABLE;
            case CORRUPT -> Status.BAD_GATEWAY;
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
