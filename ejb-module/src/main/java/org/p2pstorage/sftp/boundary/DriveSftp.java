package org.p2pstorage.sftp.boundary;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.threads.SshThreadPoolExecutor;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.apache.sshd.sftp.server.UnsupportedAttributePolicy;
import org.p2pstorage.remote.boundary.RemoteBoundaries;
import org.p2pstorage.sftp.control.FailureText;
import org.p2pstorage.sftp.control.UploadChannel;

/**
 * The SFTP subsystem of the SSH server: each session sees its user's drive as a file system
 * ({@link DriveFileSystem}), so OpenSSH {@code sftp} and {@code scp} (which uses SFTP since OpenSSH 9),
 * rclone and FileZilla work unchanged. A put is one upload through the simulated network; a get one
 * verified download. A file's handle that the client closes itself ends its upload; a handle closed
 * because the session broke off leaves nothing. A failure's status says why in REST's words
 * ({@link FailureText}); {@code statvfs@openssh.com} tells the room left ({@link DriveSftpSubsystem}).
 */
public class DriveSftp implements FileSystemFactory {

    private final RemoteBoundaries boundaries;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;
    private final Duration settleWait;
    private final DriveFileSystemProvider provider = new DriveFileSystemProvider();

    public DriveSftp(RemoteBoundaries boundaries, Executor workers, ScheduledExecutorService scheduler, Duration settleWait) {
        this.boundaries = boundaries;
        this.workers = workers;
        this.scheduler = scheduler;
        this.settleWait = settleWait;
    }

    /** The subsystem factory to register with the server; its request threads come from {@code threads}. */
    public SftpSubsystemFactory subsystem(ThreadFactory threads) {
        SftpSubsystemFactory factory = new SftpSubsystemFactory() {
            @Override
            public Command createSubsystem(ChannelSession channel) {
                DriveSftpSubsystem subsystem = new DriveSftpSubsystem(channel, this);
                getRegisteredListeners().forEach(subsystem::addSftpEventListener);
                return subsystem;
            }
        };
        factory.setExecutorServiceProvider(() -> new SshThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads));
        factory.setUnsupportedAttributePolicy(UnsupportedAttributePolicy.Ignore);
        factory.setErrorStatusDataHandler(new SftpErrorStatusDataHandler() {
            @Override
            public int resolveSubStatus(SftpSubsystemEnvironment sftp, int id, Throwable e, int cmd, Object... args) {
                return FailureText.status(SftpErrorStatusDataHandler.super.resolveSubStatus(sftp, id, e, cmd, args),
                        sftp.getVersion());
            }

            @Override
            public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus,
                                              int cmd, Object... args) {
                return FailureText.of(e, subStatus);
            }
        });
        factory.setFileSystemAccessor(new SftpFileSystemAccessor() {
            @Override
            public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file, String id,
                                                Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
                return file.getFileSystem().provider().newByteChannel(file, options, attrs);
            }
        });
        factory.addSftpEventListener(new SftpEventListener() {
            @Override
            public void closing(ServerSession session, String remoteHandle, Handle localHandle) {
                if (localHandle instanceof FileHandle file && file.getFileChannel() instanceof UploadChannel upload) {
                    upload.commit();
                }
            }
        });
        return factory;
    }

    @Override
    public Path getUserHomeDir(SessionContext session) {
        return null;
    }

    @Override
    public FileSystem createFileSystem(SessionContext session) {
        return new DriveFileSystem(provider, new DriveOperations(session.getUsername(), boundaries, workers, scheduler, settleWait));
    }
}
