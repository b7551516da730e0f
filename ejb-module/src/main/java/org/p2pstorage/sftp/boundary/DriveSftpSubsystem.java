package org.p2pstorage.sftp.boundary;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.extensions.openssh.AbstractOpenSSHExtensionParser.OpenSSHExtension;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;
import org.p2pstorage.sftp.control.DriveFileStore;
import org.p2pstorage.sftp.control.ReadChannel;
import org.p2pstorage.sftp.control.UploadChannel;

/**
 * MINA's SFTP subsystem with the drive's two waits moved off the session's thread, plus OpenSSH's
 * {@code statvfs@openssh.com}, which MINA does not serve.
 * <ul>
 * <li>A read of a file being downloaded is answered later, by the download's chunk that brings its bytes
 * ({@link ReadChannel}); MINA would read on the session's thread and park it while the simulated link delivers.
 * Replies to different requests may come in any order in SFTP; a file's reads are answered in the order sent.</li>
 * <li>The close of a file being uploaded is answered once the upload has settled ({@link UploadChannel#settled}):
 * the client learns then whether every copy was stored, as before, but no thread waits for it.</li>
 * <li>{@code statvfs@openssh.com}: how OpenSSH {@code sftp}'s {@code df} and {@code rclone about} ask how much
 * room the drive has (the user's quota, see {@link DriveFileStore}).</li>
 * </ul>
 * Everything else is MINA's.
 */
class DriveSftpSubsystem extends SftpSubsystem {

    private static final Logger LOG = Logger.getLogger(DriveSftpSubsystem.class.getName());

    static final String STATVFS = "statvfs@openssh.com";

    DriveSftpSubsystem(ChannelSession channel, SftpSubsystemConfigurator configurator) {
        super(channel, configurator);
    }

    @Override
    protected List<OpenSSHExtension> resolveOpenSSHExtensions(ServerSession session) {
        List<OpenSSHExtension> offered = new ArrayList<>(super.resolveOpenSSHExtensions(session));
        offered.add(new OpenSSHExtension(STATVFS, "2"));
        return offered;
    }

    @Override
    protected void executeExtendedCommand(Buffer buffer, int id, String extension) throws IOException {
        if (!STATVFS.equals(extension)) {
            super.executeExtendedCommand(buffer, id, extension);
            return;
        }
        String path = buffer.getString();
        DriveFileStore store;
        try {
            store = (DriveFileStore) Files.getFileStore(resolveFile(path));
        } catch (IOException | RuntimeException e) {
            sendStatus(prepareReply(buffer), id, e, SftpConstants.SSH_FXP_EXTENDED, extension, path);
            return;
        }
        Buffer reply = prepareReply(buffer);
        reply.putByte((byte) SftpConstants.SSH_FXP_EXTENDED_REPLY);
        reply.putInt(id);
        store.statVfs().encode(reply);
        send(reply);
    }

    @Override
    protected void doRead(Buffer buffer, int id) throws IOException {
        Opened<ReadChannel> file = opened(buffer, ReadChannel.class);
        if (file == null) {
            super.doRead(buffer, id);
            return;
        }
        long offset = buffer.getLong();
        int requested = buffer.getInt();
        int length = Math.min(requested, SftpModuleProperties.MAX_READDATA_PACKET_LENGTH.getRequired(getServerSession()));
        ReadAnswer answer = new ReadAnswer(id, offset, requested);
        if (length < 0) {
            answer.failed(new IOException("a read of " + requested + " bytes"));
            return;
        }
        file.channel().read(offset, length, answer);
    }

    @Override
    protected void doClose(Buffer buffer, int id) throws IOException {
        Opened<UploadChannel> file = opened(buffer, UploadChannel.class);
        if (file == null) {
            super.doClose(buffer, id);
            return;
        }
        try {
            doClose(id, file.handle());
        } catch (IOException | RuntimeException e) {
            reply(id, e, SftpConstants.SSH_FXP_CLOSE);
            return;
        }
        file.channel().settled().whenComplete((fileId, failure) -> {
            if (failure == null) {
                replyOk(id);
            } else {
                Throwable why = failure.getCause() == null ? failure : failure.getCause();
                reply(id, why instanceof IOException ? why : new IOException(why.getMessage(), why),
                        SftpConstants.SSH_FXP_CLOSE);
            }
        });
    }

    /** A request's handle and the drive's channel behind it. */
    private record Opened<T>(String handle, T channel) {
    }

    /**
     * The handle a request starts with, when it is an open file whose channel is a {@code type}; else null,
     * and the request is left unread for MINA's own handling (a folder, another channel, an unknown handle).
     */
    private <T> Opened<T> opened(Buffer request, Class<T> type) {
        int start = request.rpos();
        String handle = request.getString(StandardCharsets.ISO_8859_1);
        if (handles.get(handle) instanceof FileHandle file && type.isInstance(file.getFileChannel())) {
            return new Opened<>(handle, type.cast(file.getFileChannel()));
        }
        request.rpos(start);
        return null;
    }

    /** One answer's sending, which finds the session gone when the client left meanwhile. */
    @FunctionalInterface
    private interface Answering {
        void send() throws IOException;
    }

    /** Sends an answer from whichever thread completes its request; a session gone meanwhile takes none. */
    private static void answer(Answering answering) {
        try {
            answering.send();
        } catch (IOException gone) {
            LOG.log(Level.FINE, "an SFTP answer found its session gone: {0}", gone.getMessage());
        }
    }

    private void replyOk(int id) {
        answer(() -> sendStatus(prepareReply(new ByteArrayBuffer()), id, SftpConstants.SSH_FX_OK, "", ""));
    }

    /** A failure's status, in the session's words, as MINA's own. */
    private void reply(int id, Throwable failure, int command, Object... args) {
        answer(() -> sendStatus(prepareReply(new ByteArrayBuffer()), id, failure, command, args));
    }

    /** Where one read request's answer goes: an SSH_FXP_DATA reply, or the status of its end or failure. */
    private final class ReadAnswer implements ReadChannel.Answer {

        private final int id;
        private final Object[] request;

        ReadAnswer(int id, long offset, int length) {
            this.id = id;
            this.request = new Object[]{offset, length};
        }

        @Override
        public void data(byte[] bytes) {
            Buffer reply = new ByteArrayBuffer(bytes.length + 32, false);
            reply.putUInt(0L); // the length, filled in when sent
            reply.putByte((byte) SftpConstants.SSH_FXP_DATA);
            reply.putInt(id);
            reply.putBytes(bytes);
            answer(() -> send(reply));
        }

        @Override
        public void end(EOFException end) {
            reply(id, end, SftpConstants.SSH_FXP_READ, request);
        }

        @Override
        public void failed(IOException failure) {
            reply(id, failure, SftpConstants.SSH_FXP_READ, request);
        }
    }
}
