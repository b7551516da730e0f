package org.p2pstorage.sftp.boundary;

import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

import org.apache.sshd.common.file.util.BaseFileSystem;

/** One SFTP session's view of its user's drive: paths over {@link DriveFileSystemProvider}. */
public class DriveFileSystem extends BaseFileSystem<DrivePath> {

    private final DriveOperations drive;
    private volatile boolean open = true;

    public DriveFileSystem(DriveFileSystemProvider provider, DriveOperations drive) {
        super(provider);
        this.drive = drive;
    }

    DriveOperations drive() {
        return drive;
    }

    @Override
    protected DrivePath create(String root, List<String> names) {
        return new DrivePath(this, root, names);
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic", "posix");
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("a drive has one owner");
    }
}
