package org.p2pstorage.sftp.boundary;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import org.p2pstorage.account.entity.AccountView;
import org.p2pstorage.catalog.boundary.Downloads;
import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.boundary.Folders;
import org.p2pstorage.catalog.boundary.Uploads;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.remote.boundary.RemoteBoundaries;
import org.p2pstorage.sftp.control.DriveFileStore;
import org.p2pstorage.sftp.control.DriveTree;
import org.p2pstorage.sftp.control.IoFailure;
import org.p2pstorage.sftp.control.UploadChannel;
import org.p2pstorage.sftp.entity.DriveEntry;

/**
 * What an SFTP session does to its user's drive, through the catalog's boundaries exactly as REST does:
 * folders (made, renamed, moved, removed) through {@link Folders}, files' renames, moves and deletions through {@link Files}, a put as one
 * {@link Uploads#upload upload} (shown once it has settled), a get as one verified {@link Downloads download}.
 * Every call carries the session's user, so another user's files are not there at all.
 */
public class DriveOperations {

    private final String owner;
    private final RemoteBoundaries boundaries;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;
    private final Duration settleWait;

    /** {@code workers} read an upload's bytes from its client; {@code scheduler} (managed) moves downloads. */
    public DriveOperations(String owner, RemoteBoundaries boundaries, Executor workers, ScheduledExecutorService scheduler,
                           Duration settleWait) {
        this.owner = owner;
        this.boundaries = boundaries;
        this.workers = workers;
        this.scheduler = scheduler;
        this.settleWait = settleWait;
    }

    public String owner() {
        return owner;
    }

    /** The drive as a disk: the user's quota and what is left of it. */
    public DriveFileStore store() throws IOException {
        try {
            AccountView account = boundaries.accounts().me(owner);
            return new DriveFileStore(owner, account.quotaBytes(), account.usedBytes());
        } catch (RuntimeException e) {
            throw IoFailure.of(e, "/");
        }
    }

    private DriveTree tree() throws IOException {
        try {
            return new DriveTree(boundaries.folders().folders(owner), boundaries.files().list(owner));
        } catch (RuntimeException e) {
            throw IoFailure.of(e, "/");
        }
    }

    public Optional<DriveEntry> find(DrivePath path) throws IOException {
        if (path.known() != null) {
            return Optional.of(path.known());
        }
        return tree().resolve(path.fromTop());
    }

    public DriveEntry entry(DrivePath path) throws IOException {
        return find(path).orElseThrow(() -> new NoSuchFileException(path.toString()));
    }

    private DriveEntry folder(DrivePath path) throws IOException {
        DriveEntry entry = entry(path);
        if (!entry.folder()) {
            throw new NotDirectoryException(path.toString());
        }
        return entry;
    }

    private DrivePath parent(DrivePath path) {
        DrivePath absolute = (DrivePath) path.toAbsolutePath().normalize();
        DrivePath parent = absolute.getParent();
        return parent == null ? absolute.getRoot() : parent;
    }

    private static String name(DrivePath path) throws IOException {
        DrivePath last = ((DrivePath) path.toAbsolutePath().normalize()).getFileName();
        if (last == null) {
            throw new IOException("the top of the drive has no name");
        }
        return last.toString();
    }

    /** The entries of a folder, as paths that carry them. */
    public List<DrivePath> children(DrivePath dir) throws IOException {
        DrivePath absolute = (DrivePath) dir.toAbsolutePath().normalize();
        DriveTree tree = tree();
        DriveEntry folder = tree.resolve(absolute.fromTop()).orElseThrow(() -> new NoSuchFileException(dir.toString()));
        if (!folder.folder()) {
            throw new NotDirectoryException(dir.toString());
        }
        DriveFileSystem fs = absolute.getFileSystem();
        return tree.children(folder.id()).stream().map(entry -> {
            List<String> names = new java.util.ArrayList<>(absolute.fromTop());
            names.add(entry.name());
            return new DrivePath(fs, "/", names, entry);
        }).toList();
    }

    public void mkdir(DrivePath path) throws IOException {
        String name = name(path);
        DriveEntry parent = folder(parent(path));
        if (find(path).isPresent()) {
            throw new FileAlreadyExistsException(path.toString());
        }
        call(path, () -> boundaries.folders().createFolder(owner, parent.id(), name));
    }

    public void remove(DrivePath path) throws IOException {
        DriveEntry entry = entry(path);
        if (entry.isTop()) {
            throw new IOException("the top of the drive cannot be removed");
        }
        call(path, () -> {
            if (entry.folder()) {
                boundaries.folders().deleteFolder(owner, entry.id());
            } else {
                boundaries.files().delete(owner, entry.id());
            }
            return null;
        });
    }

    /**
     * Renames, and moves a file or a folder (with all it holds) to another folder; a folder never into
     * itself or a folder inside it.
     */
    public void rename(DrivePath from, DrivePath to) throws IOException {
        DriveTree tree = tree();
        DriveEntry entry = tree.resolve(from.fromTop()).orElseThrow(() -> new NoSuchFileException(from.toString()));
        if (entry.isTop()) {
            throw new IOException("the top of the drive cannot be renamed");
        }
        if (tree.resolve(to.fromTop()).isPresent()) {
            throw new FileAlreadyExistsException(to.toString());
        }
        DrivePath parentPath = parent(to);
        DriveEntry target = tree.resolve(parentPath.fromTop()).orElseThrow(() -> new NoSuchFileException(parentPath.toString()));
        if (!target.folder()) {
            throw new NotDirectoryException(parentPath.toString());
        }
        String name = name(to);
        boolean moving = !Objects.equals(entry.parentId(), target.id());
        if (entry.folder() && moving && tree.within(target.id(), entry.id())) {
            throw new IOException("cannot move " + from + " to " + to + ": a folder cannot go into itself or a folder inside it");
        }
        call(from, () -> {
            if (entry.folder()) {
                if (moving) {
                    boundaries.folders().move(owner, entry.id(), target.id());
                }
                if (!entry.name().equals(name)) {
                    boundaries.folders().rename(owner, entry.id(), name);
                }
                return null;
            }
            if (moving) {
                boundaries.files().move(owner, entry.id(), target.id());
            }
            if (!entry.name().equals(name)) {
                boundaries.files().rename(owner, entry.id(), name);
            }
            return null;
        });
    }

    /** A get: a download pumped into the channel that answers the client's reads (no thread waits for it). */
    public SeekableByteChannel read(DrivePath path) throws IOException {
        DriveEntry entry = entry(path);
        if (entry.folder()) {
            throw new IOException(path + " is a folder");
        }
        Download download = call(path, () -> boundaries.downloads().download(owner, entry.id()));
        return new PumpedRead(download, boundaries.downloads(), scheduler).channel();
    }

    /**
     * A file uploaded as the client writes it. Over an existing file ({@code exclusive} false, as every
     * client's put and update opens it), the new content is uploaded beside the old one and replaces it only
     * once every copy is stored: until then the old file stays whole, and an upload that fails leaves it.
     * An exclusive open of a taken name, or any put over a folder, is refused.
     */
    public UploadChannel write(DrivePath path, boolean exclusive) throws IOException {
        String name = name(path);
        DriveEntry parent = folder(parent(path));
        Optional<DriveEntry> replaced = find(path);
        if (replaced.isPresent() && (exclusive || replaced.get().folder())) {
            throw new FileAlreadyExistsException(path.toString(), null, replaced.get().folder()
                    ? "a folder of that name is already there" : "a file of that name is already there");
        }
        return new UploadChannel(content -> {
            UploadResponse sent;
            try {
                sent = boundaries.uploads().upload(owner, name, content, -1); // stopped at the quota's limit there
            } catch (Failure refused) {
                // the close is answered once nothing of the upload is left, as REST's refusal is
                return refused.cleanedUp().<String>thenApply(cleaned -> {
                    throw refused;
                }).toCompletableFuture();
            }
            if (parent.id() != null) {
                boundaries.files().move(owner, sent.fileId(), parent.id());
            }
            return settled(sent).thenApplyAsync(settled -> {
                if ("FAILED".equals(settled.status())) {
                    throw new Failure(Failure.Kind.UNAVAILABLE, settled.failure() == null
                            ? "the upload failed: its chunks could not all be stored" : settled.failure());
                }
                if ("TRANSFERRING".equals(settled.status())) {
                    throw new Failure(Failure.Kind.UNAVAILABLE, "the upload did not settle in " + settleWait);
                }
                replaced.ifPresent(old -> boundaries.files().delete(owner, old.id()));
                return sent.fileId();
            }, workers);
        }, workers);
    }

    /** When the upload has left TRANSFERRING (or the wait is up): a callback of the catalog, no waiting thread. */
    private CompletableFuture<UploadResponse> settled(UploadResponse sent) {
        if (!"TRANSFERRING".equals(sent.status())) {
            return CompletableFuture.completedFuture(sent);
        }
        CompletableFuture<UploadResponse> done = new CompletableFuture<>();
        boundaries.uploads().whenSettled(sent.fileId(), settleWait, done::complete);
        return done;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run();
    }

    private static <T> T call(DrivePath path, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw IoFailure.of(e, path.toString());
        }
    }
}
