package org.p2pstorage.sftp.boundary;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;

import org.apache.sshd.common.file.util.BasePath;
import org.p2pstorage.sftp.entity.DriveEntry;

/** A path in a user's drive; one listed from a folder remembers what it names, so its attributes need no new look. */
public class DrivePath extends BasePath<DrivePath, DriveFileSystem> {

    private final DriveEntry known;

    public DrivePath(DriveFileSystem fileSystem, String root, List<String> names) {
        this(fileSystem, root, names, null);
    }

    DrivePath(DriveFileSystem fileSystem, String root, List<String> names, DriveEntry known) {
        super(fileSystem, root, names);
        this.known = known;
    }

    DriveEntry known() {
        return known;
    }

    /** The names from the top of the drive, "." and ".." worked out. */
    List<String> fromTop() {
        return ((DrivePath) toAbsolutePath().normalize()).names;
    }

    @Override
    public URI toUri() {
        return URI.create("p2p-drive:" + toAbsolutePath().normalize());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        DrivePath real = (DrivePath) toAbsolutePath().normalize();
        getFileSystem().provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("a drive cannot be watched");
    }
}
