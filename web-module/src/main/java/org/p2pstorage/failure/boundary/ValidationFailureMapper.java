package org.p2pstorage.failure.boundary;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation refusals of a request body: 400 with every broken rule in one sentence. */
@Provider
public class ValidationFailureMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException violations) {
        String message = violations.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
                .distinct().sorted().collect(Collectors.joining("; "));
        return ErrorResponse.of(Response.Status.BAD_REQUEST, "INVALID", message);
    }
}
