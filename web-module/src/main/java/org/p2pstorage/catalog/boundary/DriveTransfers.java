package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.p2pstorage.catalog.entity.FileLine;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.TransferProgress;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.primefaces.PrimeFaces;
import org.primefaces.model.file.UploadedFile;

/**
 * My Drive's uploads: sending a file into the open folder through the same boundary as
 * {@code POST /api/files/upload}, the progress of every transfer that runs or was watched on the page,
 * cancelling one (the file is deleted as soon as its transfer ends), and the question a second file of a
 * name asks (keep both or replace). It reads only the files that transfer or were watched, never the
 * whole drive.
 */
class DriveTransfers implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DriveTransfers.class.getName());

    private final Files files;
    private final Uploads uploads;
    private final TransferWatch watch = new TransferWatch();
    private volatile List<String> order = List.of();
    private volatile List<FileSummary> transferring = List.of();
    /** An upload whose name was already taken in its folder: [new file id, name, the older file's id]. */
    private String[] duplicate;

    DriveTransfers(Files files, Uploads uploads) {
        this.files = files;
        this.uploads = uploads;
    }

    /** Reads the progress of every transfer that runs or was watched here; deletes the cancelled ones that ended. */
    void refresh(String owner) {
        List<FileSummary> running = files.transferring(owner);
        Set<String> ids = new LinkedHashSet<>();
        running.forEach(f -> ids.add(f.fileId()));
        List<String> watched = watch.watched();
        List<String> ended = watched.stream().filter(id -> !ids.contains(id)).toList();
        List<FileSummary> seen = new ArrayList<>(running);
        seen.addAll(ended.isEmpty() ? List.of() : files.summaries(owner, ended));
        for (FileSummary file : seen) {
            ids.add(file.fileId());
            boolean busy = "TRANSFERRING".equals(file.status());
            if (busy) {
                watch.claimCancelled(file.name(), file.fileId());
            }
            TransferProgress progress = FacesFailures.attempt(() -> uploads.progress(owner, file.fileId()));
            if (progress != null) {
                watch.update(progress);
            }
            if (watch.isCancelled(file.fileId()) && !busy) {
                FacesFailures.perform(() -> files.delete(owner, file.fileId()));
                ids.remove(file.fileId());
            }
        }
        watch.forget(watched, ids);
        order = List.copyOf(ids);
        transferring = running.stream().filter(f -> !watch.isCancelled(f.fileId())).toList();
    }

    /** What the poll compares: the running transfers' ids and states. */
    String signature() {
        StringBuilder text = new StringBuilder();
        transferring.forEach(f -> text.append(f.fileId()).append(f.status()).append(';'));
        return text.toString();
    }

    Set<String> cancelled() {
        return watch.cancelled();
    }

    /** One file of an upload into the folder ({@code null}: the top of the drive). */
    void upload(String owner, String folderId, UploadedFile file) {
        String name = file.getFileName();
        FileLine older = files.lines(owner).stream()
                .filter(f -> f.name().equals(name) && Objects.equals(f.folderId(), folderId)).findFirst().orElse(null);
        try (InputStream content = file.getInputStream()) {
            UploadResponse uploaded = FacesFailures.attempt(() -> uploads.upload(owner, name, content, file.getSize()));
            if (uploaded != null && folderId != null) {
                FacesFailures.attempt(() -> files.move(owner, uploaded.fileId(), folderId));
            }
            if (uploaded != null) {
                FileActions.sayIfChanged(name, uploaded.name());
                // Watched from its answer on: an upload that ends before the next poll still shows as done.
                TransferProgress progress = FacesFailures.attempt(() -> uploads.progress(owner, uploaded.fileId()));
                if (progress != null) {
                    watch.update(progress);
                }
            }
            if (uploaded != null && (watch.claimCancelled(name, uploaded.fileId()) || watch.isCancelled(uploaded.fileId()))) {
                FacesFailures.info("upload of " + name + " cancelled");
            } else if (uploaded != null && older != null) {
                duplicate = new String[]{uploaded.fileId(), name, older.fileId()};
                PrimeFaces.current().executeScript("PF('duplicateDialog').show()");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "upload of a file could not be read", e);
            FacesFailures.error("the upload of " + name + " could not be read");
        } finally {
            try {
                file.delete();
            } catch (IOException e) {
                LOG.log(Level.FINE, "upload spool not deleted", e);
            }
        }
    }

    /** The browser's × on an upload still on its way (known by its name until its request answers). */
    void cancelByName(String name) {
        transferring.stream().filter(f -> f.name().equals(name)).findFirst()
                .ifPresentOrElse(f -> watch.cancel(f.fileId()), () -> watch.cancelByName(name));
        FacesFailures.info("upload of " + name + " cancelled");
    }

    void cancel(String fileId) {
        String name = watch.inOrder(List.of(fileId)).stream().findFirst().map(TransferProgress::name).orElse("the file");
        watch.cancel(fileId);
        FacesFailures.info("upload of " + name + " cancelled");
    }

    /** Keep both: the new file takes the first free "name (n).ext". */
    void keepBoth(String owner) {
        if (duplicate != null) {
            String free = FileActions.freeName(duplicate[1], files.lines(owner).stream().map(FileLine::name).toList());
            String fileId = duplicate[0];
            FacesFailures.attempt(() -> files.rename(owner, fileId, free));
            duplicate = null;
        }
    }

    /** Replace: the older file of that name is deleted. */
    void replace(String owner) {
        if (duplicate != null) {
            String olderId = duplicate[2];
            FacesFailures.perform(() -> files.delete(owner, olderId));
            duplicate = null;
        }
    }

    String duplicateName() {
        return duplicate == null ? null : duplicate[1];
    }

    List<TransferProgress> inOrder() {
        return watch.inOrder(order);
    }

    void clearFinished() {
        watch.clearFinished();
    }
}
