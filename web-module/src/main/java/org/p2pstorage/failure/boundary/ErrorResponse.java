package org.p2pstorage.failure.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error the API answers: a code a program can test and a sentence a person can read. */
public record ErrorResponse(String error, String message) {

    public static Response of(Response.StatusType status, String error, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(error, message))
                .build();
    }
}
