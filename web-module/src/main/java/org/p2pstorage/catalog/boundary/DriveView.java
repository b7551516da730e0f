package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.catalog.entity.TransferProgress;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.p2pstorage.network.boundary.Network;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * My Drive: the caller's folders (create, open, a breadcrumb, move files into them) and files as a list
 * or a grid, uploads (button or drag-and-drop, several at once),
 * download, rename, delete, and the progress of every transfer as the network acknowledges its chunks.
 * It calls the same {@link Files} boundary as the REST API. An upload request returns once every chunk
 * is sent; meanwhile the page's poll reads {@link Files#progress} of each transferring file, so the bar
 * follows the acknowledgements of the nodes, not the browser's HTTP upload.
 */
@Named
@ViewScoped
public class DriveView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DriveView.class.getName());

    @EJB
    Files files;

    @EJB
    Uploads uploads;

    @EJB
    Downloads downloads;

    @EJB
    Folders folderBoundary;

    @EJB
    Network network;

    @Inject
    Client client;

    private volatile List<FileSummary> all = List.of();
    private List<FileSummary> selected = new ArrayList<>();
    /** The transfers this page has watched, in the order they appeared, with their latest progress. */
    private final Map<String, TransferProgress> transfers = new ConcurrentHashMap<>();
    private String query;
    private String layout = "list";
    private FileSummary renaming;
    private String newName;
    private String listed = "";
    private String folderId;
    private volatile List<FolderView> folders = List.of();
    private String newFolderName;
    private String moveTarget;

    @PostConstruct
    void load() {
        reload();
    }

    /** Reads the list and the progress of every transfer that is running or was watched here. */
    public void reload() {
        String owner = client.username();
        folders = folderBoundary.folders(owner);
        all = files.list(owner);
        for (FileSummary file : all) {
            if ("TRANSFERRING".equals(file.status()) || transfers.containsKey(file.fileId())) {
                TransferProgress progress = FacesFailures.attempt(() -> uploads.progress(owner, file.fileId()));
                if (progress != null) {
                    transfers.put(file.fileId(), progress);
                }
            }
        }
        transfers.keySet().retainAll(all.stream().map(FileSummary::fileId).toList());
        listed = signature();
    }

    /** The poll: reloads, and tells the page (callback {@code changed}) when the list itself changed. */
    public void poll() {
        String before = listed;
        reload();
        PrimeFaces.current().ajax().addCallbackParam("changed", !before.equals(listed));
    }

    private String signature() {
        StringBuilder text = new StringBuilder();
        all.forEach(f -> text.append(f.fileId()).append(f.status()).append(f.name()).append(f.folderId()).append(';'));
        folders.forEach(f -> text.append(f.folderId()).append(';'));
        return text.toString();
    }

    /** One file of an upload: sent through the network by the same boundary as {@code POST /api/files/upload}. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try (InputStream content = file.getInputStream()) {
            UploadResponse uploaded = FacesFailures.attempt(() -> uploads.upload(client.username(), file.getFileName(),
                    content, file.getSize()));
            if (uploaded != null && folderId != null) {
                FacesFailures.attempt(() -> files.move(client.username(), uploaded.fileId(), folderId));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "upload of a file could not be read", e);
            FacesFailures.error("the upload could not be read");
        } finally {
            try {
                file.delete();
            } catch (IOException e) {
                LOG.log(Level.FINE, "upload spool not deleted", e);
            }
        }
        reload();
    }

    public StreamedContent download(FileSummary file) {
        Download download = FacesFailures.attempt(() -> downloads.download(client.username(), file.fileId()));
        if (download == null) {
            return null;
        }
        Downloads boundary = downloads;
        return DefaultStreamedContent.builder().name(download.name()).contentType("application/octet-stream")
                .contentLength(download.size()).writer(out -> {
                    try {
                        boundary.write(download, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).build();
    }

    public void delete(FileSummary file) {
        if (FacesFailures.perform(() -> files.delete(client.username(), file.fileId()))) {
            FacesFailures.info(file.name() + " deleted");
        }
        selected.remove(file);
        reload();
    }

    public void deleteSelected() {
        List<FileSummary> chosen = new ArrayList<>(selected);
        int deleted = 0;
        for (FileSummary file : chosen) {
            if (FacesFailures.perform(() -> files.delete(client.username(), file.fileId()))) {
                deleted++;
            }
        }
        FacesFailures.info(deleted + (deleted == 1 ? " file" : " files") + " deleted");
        selected.clear();
        reload();
    }

    public void startRename(FileSummary file) {
        renaming = file;
        newName = file.name();
    }

    public void rename() {
        String fileId = renaming == null ? null : renaming.fileId();
        if (fileId != null && FacesFailures.attempt(() -> files.rename(client.username(), fileId, newName)) != null) {
            renaming = null;
            PrimeFaces.current().ajax().addCallbackParam("renamed", true);
        }
        reload();
    }

    /** The files the page shows: those in the open folder, or, while searching, every file whose name has the text. */
    public List<FileSummary> getFiles() {
        if (isSearching()) {
            String part = query.strip().toLowerCase(Locale.ROOT);
            return all.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).contains(part)).toList();
        }
        return all.stream().filter(f -> Objects.equals(f.folderId(), folderId)).toList();
    }

    public boolean isSearching() {
        return query != null && !query.isBlank();
    }

    /** The folders in the open folder. */
    public List<FolderView> getSubfolders() {
        return isSearching() ? List.of() : folders.stream().filter(f -> Objects.equals(f.parentId(), folderId)).toList();
    }

    public List<FolderView> getFolders() {
        return folders;
    }

    /** The breadcrumb: the folders from the top of the drive down to the open one. */
    public List<FolderView> getPath() {
        List<FolderView> path = new ArrayList<>();
        for (String id = folderId; id != null && path.size() < 64; ) {
            String wanted = id;
            FolderView folder = folders.stream().filter(f -> f.folderId().equals(wanted)).findFirst().orElse(null);
            if (folder == null) {
                break;
            }
            path.add(0, folder);
            id = folder.parentId();
        }
        return path;
    }

    public String getFolderName() {
        List<FolderView> path = getPath();
        return path.isEmpty() ? "My Drive" : path.get(path.size() - 1).name();
    }

    public void createFolder() {
        if (FacesFailures.attempt(() -> folderBoundary.createFolder(client.username(), folderId, newFolderName)) != null) {
            FacesFailures.info("folder " + newFolderName.strip() + " created");
            newFolderName = null;
            PrimeFaces.current().ajax().addCallbackParam("created", true);
        }
        reload();
    }

    public void deleteFolder(FolderView folder) {
        if (FacesFailures.perform(() -> folderBoundary.deleteFolder(client.username(), folder.folderId()))) {
            FacesFailures.info("folder " + folder.name() + " deleted");
        }
        reload();
    }

    /** Moves the selected files to the chosen folder (empty: the top of the drive). */
    public void moveSelected() {
        int moved = 0;
        for (FileSummary file : new ArrayList<>(selected)) {
            if (FacesFailures.attempt(() -> files.move(client.username(), file.fileId(), moveTarget)) != null) {
                moved++;
            }
        }
        FacesFailures.info(moved + (moved == 1 ? " file" : " files") + " moved");
        selected.clear();
        PrimeFaces.current().ajax().addCallbackParam("moved", true);
        reload();
    }

    public List<TransferProgress> getTransfers() {
        return all.stream().map(f -> transfers.get(f.fileId())).filter(t -> t != null).toList();
    }

    public void clearTransfers() {
        transfers.values().removeIf(t -> !"TRANSFERRING".equals(t.status()));
    }

    public long getUsedBytes() {
        return all.stream().mapToLong(FileSummary::size).sum();
    }

    public long getCapacityBytes() {
        return network.storage().total().capacityBytes();
    }

    public int getUsedPercent() {
        long capacity = getCapacityBytes();
        return capacity == 0 ? 0 : (int) Math.min(100, Math.ceil(getUsedBytes() * 100.0 / capacity));
    }

    public String eta(TransferProgress progress) {
        if (!"TRANSFERRING".equals(progress.status())) {
            return "AVAILABLE".equals(progress.status()) ? "done in " + seconds(progress.elapsedMs())
                    : progress.status().toLowerCase(Locale.ROOT);
        }
        return seconds(progress.etaMs()) + " left" + (progress.retransmissions() > 0
                ? " · " + progress.retransmissions() + " retransmissions" : "");
    }

    private static String seconds(long ms) {
        return ms < 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : (ms / 1000) + " s";
    }

    /** A PrimeIcons name for the file's type, from its extension. */
    public String icon(String name) {
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return switch (extension) {
            case "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp" -> "pi pi-image";
            case "pdf" -> "pi pi-file-pdf";
            case "doc", "docx", "odt", "rtf" -> "pi pi-file-word";
            case "xls", "xlsx", "ods", "csv" -> "pi pi-file-excel";
            case "mp4", "mkv", "avi", "mov", "webm" -> "pi pi-video";
            case "mp3", "wav", "ogg", "flac" -> "pi pi-volume-up";
            case "zip", "gz", "tar", "7z", "rar", "bz2", "xz" -> "pi pi-box";
            case "txt", "md", "log" -> "pi pi-file-edit";
            default -> "pi pi-file";
        };
    }

    public List<FileSummary> getSelected() {
        return selected;
    }

    public void setSelected(List<FileSummary> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getFolderId() {
        return folderId;
    }

    public void setFolderId(String folderId) {
        this.folderId = folderId == null || folderId.isBlank() ? null : folderId;
    }

    public String getNewFolderName() {
        return newFolderName;
    }

    public void setNewFolderName(String newFolderName) {
        this.newFolderName = newFolderName;
    }

    public String getMoveTarget() {
        return moveTarget;
    }

    public void setMoveTarget(String moveTarget) {
        this.moveTarget = moveTarget;
    }

    public String getLayout() {
        return layout;
    }

    public void setLayout(String layout) {
        this.layout = "grid".equals(layout) ? "grid" : "list";
    }

    public FileSummary getRenaming() {
        return renaming;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
