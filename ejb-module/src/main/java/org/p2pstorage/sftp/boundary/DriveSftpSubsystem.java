package org.p2pstorage.sftp.boundary;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.extensions.openssh.AbstractOpenSSHExtensionParser.OpenSSHExtension;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;
import org.p2pstorage.sftp.control.DriveFileStore;

/**
 * MINA's SFTP subsystem plus OpenSSH's {@code statvfs@openssh.com}, which MINA does not serve: the
 * extension by which OpenSSH {@code sftp}'s {@code df} and {@code rclone about} ask how much room the
 * drive has (the user's quota, see {@link DriveFileStore}). Everything else is MINA's.
 */
class DriveSftpSubsystem extends SftpSubsystem {

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
}
