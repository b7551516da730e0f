package org.p2pstorage.failure.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.p2pstorage.failure.entity.Failure;

/**
 * The last line: whatever else goes wrong reaches the user as JSON with the right status and no
 * stack trace. JAX-RS's own errors (unknown route, wrong method, bad media type) keep their status;
 * anything unexpected is logged with its trace on the server and answered 500.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof Failure failure) {
            return new FailureMapper().toResponse(failure);
        }
        if (cause instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return ErrorResponse.of(status, status.getReasonPhrase().toUpperCase().replace(' ', '_'),
                    web.getMessage());
        }
        LOG.log(Level.SEVERE, "unexpected error answering a request", thrown);
        return ErrorResponse.of(Status.INTERNAL_SERVER_ERROR, "INTERNAL",
                "the server could not complete the request; the details are in its log");
    }
}
