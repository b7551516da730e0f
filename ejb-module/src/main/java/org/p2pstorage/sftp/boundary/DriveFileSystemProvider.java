package org.p2pstorage.sftp.boundary;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.spi.FileSystemProvider;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.p2pstorage.sftp.entity.DriveEntry;

/**
 * The java.nio face of a drive, as MINA's SFTP subsystem uses it: it looks paths up, lists folders,
 * opens files for reading (a download) or writing (a new upload) and renames, creates and removes
 * through {@link DriveOperations}. There are no links and no attributes to set: times and permissions a
 * client sends are ignored (the catalog keeps when a file arrived).
 */
public class DriveFileSystemProvider extends FileSystemProvider {

    @Override
    public String getScheme() {
        return "p2p-drive";
    }

    private static DrivePath drive(Path path) {
        if (!(path instanceof DrivePath drive)) {
            throw new ProviderMismatchException();
        }
        return drive;
    }

    private static DriveOperations ops(Path path) {
        return drive(path).getFileSystem().drive();
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        boolean writing = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        return writing ? ops(path).write(drive(path), options.contains(StandardOpenOption.CREATE_NEW))
                : ops(path).read(drive(path));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        List<DrivePath> children = ops(dir).children(drive(dir));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return children.stream().map(Path.class::cast).filter(p -> {
                    try {
                        return filter == null || filter.accept(p);
                    } catch (IOException e) {
                        return false;
                    }
                }).iterator();
            }

            @Override
            public void close() {
                // nothing held open
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        ops(dir).mkdir(drive(dir));
    }

    @Override
    public void delete(Path path) throws IOException {
        ops(path).remove(drive(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        throw new IOException("copying inside the drive is not offered; download and upload again");
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        ops(source).rename(drive(source), drive(target));
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return path.toAbsolutePath().normalize().equals(path2.toAbsolutePath().normalize());
    }

    @Override
    public boolean isHidden(Path path) {
        return false;
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return ops(path).store();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        ops(path).entry(drive(path));
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        if (!type.isAssignableFrom(PosixFileAttributes.class)) {
            throw new UnsupportedOperationException("a drive has basic and posix attributes");
        }
        DriveOperations ops = ops(path);
        return (A) new DriveAttributes(ops.entry(drive(path)), ops.owner());
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String view = attributes.contains(":") ? attributes.substring(0, attributes.indexOf(':')) : "basic";
        if (!"basic".equals(view) && !"posix".equals(view)) {
            throw new UnsupportedOperationException("a drive has basic and posix attributes, not " + view);
        }
        DriveOperations ops = ops(path);
        DriveAttributes read = new DriveAttributes(ops.entry(drive(path)), ops.owner());
        Map<String, Object> map = new HashMap<>();
        map.put("size", read.size());
        map.put("lastModifiedTime", read.lastModifiedTime());
        map.put("lastAccessTime", read.lastAccessTime());
        map.put("creationTime", read.creationTime());
        map.put("isRegularFile", read.isRegularFile());
        map.put("isDirectory", read.isDirectory());
        map.put("isSymbolicLink", false);
        map.put("isOther", false);
        map.put("fileKey", read.fileKey());
        if ("posix".equals(view)) {
            map.put("permissions", read.permissions());
            map.put("owner", read.owner());
            map.put("group", read.group());
        }
        return map;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        // times and permissions a client sets are not kept (see the class comment)
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("drives are opened by the SSH server, one per session");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("drives are opened by the SSH server, one per session");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("drives are opened by the SSH server, one per session");
    }

    /** The attributes of a drive entry: a folder rwxr-xr-x, a file rw-r--r--, owned by the drive's user. */
    record DriveAttributes(DriveEntry entry, String user) implements PosixFileAttributes {

        @Override
        public java.nio.file.attribute.UserPrincipal owner() {
            return () -> user;
        }

        @Override
        public java.nio.file.attribute.GroupPrincipal group() {
            return () -> user;
        }

        @Override
        public Set<java.nio.file.attribute.PosixFilePermission> permissions() {
            return java.nio.file.attribute.PosixFilePermissions.fromString(entry.folder() ? "rwxr-xr-x" : "rw-r--r--");
        }

        @Override
        public java.nio.file.attribute.FileTime lastModifiedTime() {
            return java.nio.file.attribute.FileTime.from(entry.modified());
        }

        @Override
        public java.nio.file.attribute.FileTime lastAccessTime() {
            return lastModifiedTime();
        }

        @Override
        public java.nio.file.attribute.FileTime creationTime() {
            return lastModifiedTime();
        }

        @Override
        public boolean isRegularFile() {
            return !entry.folder();
        }

        @Override
        public boolean isDirectory() {
            return entry.folder();
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public boolean isOther() {
            return false;
        }

        @Override
        public long size() {
            return entry.size();
        }

        @Override
        public Object fileKey() {
            return entry.id() == null ? "/" : entry.id();
        }
    }
}
