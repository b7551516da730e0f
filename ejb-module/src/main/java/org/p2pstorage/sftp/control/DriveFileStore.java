package org.p2pstorage.sftp.control;

import java.nio.file.FileStore;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;

import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;

/**
 * A user's drive as a disk, for a client that asks how much room there is (OpenSSH {@code sftp}'s
 * {@code df}, {@code rclone about}, both through OpenSSH's {@code statvfs@openssh.com}): its size is the
 * user's quota, what is free is what the quota has left, as {@code /api/auth/me} tells.
 */
public class DriveFileStore extends FileStore {

    /** The block size the sizes are counted in. */
    static final long BLOCK = 4096;
    private static final long NAME_MAX = 255;

    private final String owner;
    private final long quotaBytes;
    private final long usedBytes;

    public DriveFileStore(String owner, long quotaBytes, long usedBytes) {
        this.owner = owner;
        this.quotaBytes = Math.max(0, quotaBytes);
        this.usedBytes = Math.max(0, usedBytes);
    }

    /** The answer to {@code statvfs@openssh.com}: sizes in blocks of {@link #BLOCK} bytes. */
    public OpenSSHStatExtensionInfo statVfs() {
        OpenSSHStatExtensionInfo info = new OpenSSHStatExtensionInfo();
        info.f_bsize = BLOCK;
        info.f_frsize = BLOCK;
        info.f_blocks = getTotalSpace() / BLOCK;
        info.f_bfree = getUnallocatedSpace() / BLOCK;
        info.f_bavail = getUsableSpace() / BLOCK;
        info.f_namemax = NAME_MAX;
        info.f_flag = OpenSSHStatExtensionInfo.SSH_FXE_STATVFS_ST_NOSUID;
        return info;
    }

    @Override
    public String name() {
        return owner;
    }

    @Override
    public String type() {
        return "p2p-drive";
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public long getTotalSpace() {
        return quotaBytes;
    }

    @Override
    public long getUsableSpace() {
        return Math.max(0, quotaBytes - usedBytes);
    }

    @Override
    public long getUnallocatedSpace() {
        return getUsableSpace();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return false;
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return "basic".equals(name) || "posix".equals(name);
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) {
        throw new UnsupportedOperationException("a drive has no attribute " + attribute);
    }
}
