package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.boundary.Accounts;
import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.catalog.entity.TransferProgress;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * My Drive: the caller's folders (create, open, a breadcrumb, move files into them) and files as a list
 * or a grid (remembered in a cookie), uploads (button or drag-and-drop, several at once; cancel; a second
 * file of the same name asks keep both or replace), download, rename, delete, and the progress of every
 * transfer as the network acknowledges its chunks. The table is a {@link FileTable}: sorted and cut into
 * pages on the server. It calls the same boundaries as the REST API ({@link Files}, {@link Uploads},
 * {@link Downloads}, {@link Folders}). An upload request returns once every chunk is sent; meanwhile the
 * page's poll reads {@link Uploads#progress} of each transferring file.
 */
@Named
@ViewScoped
public class DriveView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DriveView.class.getName());
    static final String LAYOUT_COOKIE = "p2p-layout";

    private long quotaBytes = -1;

    @EJB
    Accounts accounts;

    @EJB
    Files files;

    @EJB
    Uploads uploads;

    @EJB
    Downloads downloads;

    @EJB
    Folders folderBoundary;

    @Inject
    Client client;

    private volatile List<FileSummary> all = List.of();
    private List<FileSummary> selected = new ArrayList<>();
    private final TransferWatch watch = new TransferWatch();
    private final FileTable table = new FileTable();
    private String query;
    private String layout = "list";
    private FileSummary renaming;
    private String newName;
    private String listed = "";
    private String folderId;
    private volatile FolderTree folders = new FolderTree(List.of());
    private String newFolderName;
    private FolderView renamingFolder;
    private String moveTarget;
    /** An upload whose name was already taken in its folder: [new file id, name, the older file's id]. */
    private String[] duplicate;

    @PostConstruct
    void load() {
        Object cookie = FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(LAYOUT_COOKIE);
        if (cookie instanceof jakarta.servlet.http.Cookie remembered) {
            setLayout(remembered.getValue());
        }
        reload();
    }

    /** Reads the list and the progress of every transfer that is running or was watched here. */
    public void reload() {
        String owner = client.username();
        folders = new FolderTree(folderBoundary.folders(owner));
        List<FileSummary> read = files.list(owner);
        for (FileSummary file : read) {
            if ("TRANSFERRING".equals(file.status())) {
                watch.claimCancelled(file.name(), file.fileId());
            }
            if ("TRANSFERRING".equals(file.status()) || watch.watches(file.fileId())) {
                TransferProgress progress = FacesFailures.attempt(() -> uploads.progress(owner, file.fileId()));
                if (progress != null) {
                    watch.update(progress);
                }
            }
            if (watch.isCancelled(file.fileId()) && !"TRANSFERRING".equals(file.status())) {
                FacesFailures.perform(() -> files.delete(owner, file.fileId()));
            }
        }
        all = read.stream().filter(f -> !watch.isCancelled(f.fileId())).toList();
        watch.keepOnly(read.stream().map(FileSummary::fileId).toList());
        table.show(getFiles());
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
        all.forEach(f -> text.append(f.fileId()).append(f.status()).append(f.health()).append(f.name()).append(f.folderId())
                .append(';'));
        folders.all().forEach(f -> text.append(f.folderId()).append(f.name()).append(';'));
        return text.toString();
    }

    /** One file of an upload: sent through the network by the same boundary as {@code POST /api/files/upload}. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String name = file.getFileName();
        FileSummary older = all.stream().filter(f -> f.name().equals(name) && Objects.equals(f.folderId(), folderId))
                .findFirst().orElse(null);
        try (InputStream content = file.getInputStream()) {
            UploadResponse uploaded = FacesFailures.attempt(() -> uploads.upload(client.username(), name, content, file.getSize()));
            if (uploaded != null && folderId != null) {
                FacesFailures.attempt(() -> files.move(client.username(), uploaded.fileId(), folderId));
            }
            if (uploaded != null) {
                FileActions.sayIfChanged(name, uploaded.name());
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
        reload();
    }

    /** The browser's × on an upload still on its way: the file it makes is deleted as soon as it can be. */
    public void cancelUpload() {
        String name = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("name");
        if (name == null || name.isBlank()) {
            return;
        }
        all.stream().filter(f -> f.name().equals(name) && "TRANSFERRING".equals(f.status())).findFirst()
                .ifPresentOrElse(f -> watch.cancel(f.fileId()), () -> watch.cancelByName(name));
        FacesFailures.info("upload of " + name + " cancelled");
        reload();
    }

    /** Cancel in the Transfers panel. */
    public void cancel(TransferProgress transfer) {
        watch.cancel(transfer.fileId());
        FacesFailures.info("upload of " + transfer.name() + " cancelled");
        reload();
    }

    /** Keep both: the new file takes the first free "name (n).ext". */
    public void keepBoth() {
        if (duplicate != null) {
            String free = FileActions.freeName(duplicate[1], all.stream().map(FileSummary::name).toList());
            String fileId = duplicate[0];
            FacesFailures.attempt(() -> files.rename(client.username(), fileId, free));
            duplicate = null;
        }
        reload();
    }

    /** Replace: the older file of that name is deleted. */
    public void replace() {
        if (duplicate != null) {
            String olderId = duplicate[2];
            FacesFailures.perform(() -> files.delete(client.username(), olderId));
            duplicate = null;
        }
        reload();
    }

    public String getDuplicateName() {
        return duplicate == null ? null : duplicate[1];
    }

    public StreamedContent download(FileSummary file) {
        return FileActions.download(downloads, client.username(), file.fileId(), file.name());
    }

    public void delete(FileSummary file) {
        if (FacesFailures.perform(() -> files.delete(client.username(), file.fileId()))) {
            FacesFailures.info(file.name() + " deleted");
        }
        selected.remove(file);
        reload();
    }

    public void deleteSelected() {
        int deleted = 0;
        for (FileSummary file : new ArrayList<>(selected)) {
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
        renamingFolder = null;
        newName = file.name();
    }

    /** The same dialog renames a folder. */
    public void startFolderRename(FolderView folder) {
        renamingFolder = folder;
        renaming = null;
        newName = folder.name();
    }

    public void rename() {
        if (renamingFolder != null) {
            String id = renamingFolder.folderId();
            if (FacesFailures.attempt(() -> folderBoundary.rename(client.username(), id, newName)) != null) {
                renamingFolder = null;
                PrimeFaces.current().ajax().addCallbackParam("renamed", true);
            }
            reload();
            return;
        }
        String fileId = renaming == null ? null : renaming.fileId();
        FileSummary renamed = fileId == null ? null : FacesFailures.attempt(() -> files.rename(client.username(), fileId, newName));
        if (renamed != null) {
            FileActions.sayIfChanged(newName, renamed.name());
            renaming = null;
            PrimeFaces.current().ajax().addCallbackParam("renamed", true);
        }
        reload();
    }

    /** The files the page shows: those in the open folder, or, while searching, every file whose name has the text. */
    public List<FileSummary> getFiles() {
        if (isSearching()) {
            return all.stream().filter(f -> FileTable.matches(f.name(), query)).toList();
        }
        return all.stream().filter(f -> Objects.equals(f.folderId(), folderId)).toList();
    }

    public FileTable getTable() {
        return table;
    }

    public String getEmptyMessage() {
        if (isSearching()) {
            return "No file matches “" + query.strip() + "”.";
        }
        return folderId == null ? "No files yet: upload some, or drop them on the upload box." : "This folder is empty.";
    }

    public boolean isSearching() {
        return query != null && !query.isBlank();
    }

    /** The folder a file is in, for search results. */
    public String folderOf(FileSummary file) {
        return folders.nameOf(file.folderId());
    }

    /** The folders in the open folder. */
    public List<FolderView> getSubfolders() {
        return isSearching() ? List.of() : folders.inside(folderId);
    }

    public List<FolderView> getFolders() {
        return folders.all();
    }

    /** The breadcrumb: the folders from the top of the drive down to the open one. */
    public List<FolderView> getPath() {
        return folders.path(folderId);
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
        return watch.inOrder(all.stream().map(FileSummary::fileId).toList());
    }

    public void clearTransfers() {
        watch.clearFinished();
    }

    /** The bytes of the caller's own files: what "used" means in a personal drive. */
    public long getUsedBytes() {
        return all.stream().mapToLong(FileSummary::size).sum();
    }

    /** The caller's quota (read once per view: an admin changes it rarely). */
    public long getQuotaBytes() {
        if (quotaBytes < 0) {
            quotaBytes = accounts.me(client.username()).quotaBytes();
        }
        return quotaBytes;
    }

    public String eta(TransferProgress progress) {
        return TransferWatch.timeLeft(progress);
    }

    /** A transferring file's size is not known yet in the list: say so rather than "0 B". */
    public boolean isUploading(FileSummary file) {
        return "TRANSFERRING".equals(file.status());
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
        table.show(getFiles());
    }

    public String getFolderId() {
        return folderId;
    }

    public void setFolderId(String folderId) {
        this.folderId = folderId == null || folderId.isBlank() ? null : folderId;
        table.show(getFiles());
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

    /** List or grid, remembered for a year in a cookie of this site only. */
    public void changeLayout(String chosen) {
        setLayout(chosen);
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.addResponseCookie(LAYOUT_COOKIE, layout, Map.of("path", external.getRequestContextPath() + "/",
                "maxAge", 31_536_000, "httpOnly", true, "SameSite", "Lax"));
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
