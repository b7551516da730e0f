package org.p2pstorage.sftp.control;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.p2pstorage.failure.entity.Failure;

/**
 * Turns the project's refusals into the file-system exceptions SFTP turns into its statuses
 * (NO_SUCH_FILE, DIR_NOT_EMPTY, PERMISSION_DENIED, FAILURE with the message), so an SFTP client reads the
 * same words a REST client would; anything else is a failure without details, as REST answers 500.
 */
public final class IoFailure {

    private IoFailure() {
    }

    public static IOException of(Throwable thrown, String path) {
        if (thrown instanceof IOException io) {
            return io;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Failure failure) {
                return of(failure, path);
            }
        }
        return new IOException("the server could not do this; see its log", thrown);
    }

    private static IOException of(Failure failure, String path) {
        switch (failure.kind()) {
            case NOT_FOUND:
                return new NoSuchFileException(path, null, failure.getMessage());
            case CONFLICT:
                return failure.getMessage().contains("not empty")
                        ? new DirectoryNotEmptyException(path)
                        : new FileSystemException(path, null, failure.getMessage());
            case FORBIDDEN:
            case UNAUTHORIZED:
                return new AccessDeniedException(path, null, failure.getMessage());
            default:
                return new IOException(failure.getMessage(), failure);
        }
    }
}
