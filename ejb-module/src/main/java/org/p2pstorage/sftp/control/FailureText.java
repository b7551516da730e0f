package org.p2pstorage.sftp.control;

import java.io.IOException;
import java.nio.file.FileSystemException;

import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpHelper;

/**
 * The code and words an SFTP failure status carries. MINA's default is only the status's standard text ("Failure"),
 * so a client would never learn why: here the reason the drive gave (the words REST would use, as
 * {@link IoFailure} makes them) goes along, else the standard text with the path it concerns. Anything that
 * is not an I/O failure (a bug) keeps the standard text, so no internal detail reaches a client.
 */
public final class FailureText {

    private FailureText() {
    }

    /**
     * The status code as the session's version knows it: MINA picks codes from later versions (such as
     * FILE_ALREADY_EXISTS) whatever the version, which a version 3 client (OpenSSH, PuTTY, FileZilla) cannot
     * read (PuTTY says "unknown error code"); for those it is a plain FAILURE, the reason in the message.
     */
    public static int status(int subStatus, int version) {
        return version <= SftpConstants.SFTP_V3 && subStatus > SftpConstants.SSH_FX_OP_UNSUPPORTED
                ? SftpConstants.SSH_FX_FAILURE : subStatus;
    }

    public static String of(Throwable failure, int subStatus) {
        String standard = SftpHelper.resolveStatusMessage(subStatus);
        if (failure instanceof FileSystemException fs) {
            if (fs.getReason() != null && !fs.getReason().isBlank()) {
                return fs.getReason();
            }
            return fs.getFile() == null ? standard : standard + ": " + fs.getFile();
        }
        if (failure instanceof IOException && failure.getMessage() != null && !failure.getMessage().isBlank()) {
            return failure.getMessage();
        }
        return standard;
    }
}
