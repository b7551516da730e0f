package org.p2pstorage.cli.api.entity;

/**
 * A request that did not succeed: the server's {@code {"error","message"}} answer with its status, or
 * (status 0) a server that could not be reached. Its message is the one line the user sees.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
