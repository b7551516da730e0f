package org.p2pstorage.sftp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpHelper;
import org.junit.jupiter.api.Test;
import org.p2pstorage.failure.entity.Failure;

class FailureTextTest {

    @Test
    void theDrivesReasonGoesToTheClient() {
        assertEquals("a file of that name is already there; remove or rename it first", FailureText.of(
                new FileAlreadyExistsException("/a", null, "a file of that name is already there; remove or rename it first"),
                SftpConstants.SSH_FX_FAILURE));
        assertEquals("a folder cannot go into itself", FailureText.of(new IOException("a folder cannot go into itself"),
                SftpConstants.SSH_FX_FAILURE));
        assertEquals("too few live nodes", FailureText.of(IoFailure.of(new Failure(Failure.Kind.UNAVAILABLE, "too few live nodes"), "/a"),
                SftpConstants.SSH_FX_FAILURE));
    }

    @Test
    void withoutAReasonTheStandardTextNamesThePath() {
        int status = SftpConstants.SSH_FX_NO_SUCH_FILE;
        assertEquals(SftpHelper.resolveStatusMessage(status) + ": /gone", FailureText.of(new NoSuchFileException("/gone"), status));
    }

    @Test
    void aBugsOwnWordsNeverReachTheClient() {
        int status = SftpConstants.SSH_FX_FAILURE;
        assertEquals(SftpHelper.resolveStatusMessage(status), FailureText.of(new IllegalStateException("row 7 of table x"), status));
        assertEquals("the server could not do this; see its log",
                FailureText.of(IoFailure.of(new NullPointerException("field y"), "/a"), status));
    }

    @Test
    void aVersion3ClientGetsOnlyTheCodesItKnows() {
        assertEquals(SftpConstants.SSH_FX_FAILURE, FailureText.status(SftpConstants.SSH_FX_FILE_ALREADY_EXISTS, 3));
        assertEquals(SftpConstants.SSH_FX_NO_SUCH_FILE, FailureText.status(SftpConstants.SSH_FX_NO_SUCH_FILE, 3));
        assertEquals(SftpConstants.SSH_FX_FILE_ALREADY_EXISTS, FailureText.status(SftpConstants.SSH_FX_FILE_ALREADY_EXISTS, 6));
    }
}
