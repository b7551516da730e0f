package org.p2pstorage.failure.boundary;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation refusals, handed to {@link FailureMapper}: declared for this exception type only so
 * that it is chosen over the framework's own, more specific mapper of validation errors.
 */
@Provider
public class ValidationFailureMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException violations) {
        return new FailureMapper().toResponse(violations);
    }
}
