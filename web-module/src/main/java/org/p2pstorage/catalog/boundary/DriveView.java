package org.p2pstorage.catalog.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.boundary.Accounts;
import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.entity.FileLine;
import org.p2pstorage.catalog.entity.FileListing;
import org.p2pstorage.catalog.entity.FilePage;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.catalog.entity.TransferProgress;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;

/**
 * My Drive: the caller's folders (open, a breadcrumb) and files as a list
 * or a grid (remembered in a cookie), uploads (button or drag-and-drop, several at once; cancel; a second
 * file of the same name asks keep both or replace), download, rename, delete, and the progress of every
 * transfer as the network acknowledges its chunks. The table is a {@link FileTable}: sorted and cut into
 * pages by the database, so a drive of ten thousand files costs a page; the uploads and their progress are
 * {@link DriveTransfers}, the actions on files and folders {@link DriveActions}. It calls the same boundaries as the REST API ({@link Files}, {@link Uploads},
 * {@link Downloads}, {@link Folders}). An upload request returns once every chunk is sent; meanwhile the
 * page's poll reads {@link Uploads#progress} of each transferring file and re-reads the page shown.
 */
@Named
@ViewScoped
public class DriveView implements Serializable {

    private static final long serialVersionUID = 1L;
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

    private List<FileSummary> selected = new ArrayList<>();
    private FileTable table;
    private DriveTransfers transfers;
    private DriveActions actions;
    private String query;
    private String layout = "list";
    private String listed = "";
    private String folderId;
    private volatile FolderTree folders = new FolderTree(List.of());
    private long usedBytes;
    private volatile List<FileSummary> shown = List.of();

    @PostConstruct
    void load() {
        String owner = client.username();
        table = new FileTable(new Drive(files, owner));
        transfers = new DriveTransfers(files, uploads);
        actions = new DriveActions(this, files, folderBoundary);
        Object cookie = FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(LAYOUT_COOKIE);
        if (cookie instanceof jakarta.servlet.http.Cookie remembered) {
            setLayout(remembered.getValue());
        }
        reload();
    }

    /** The caller's drive as the table reads it: one page, the names for a search, a few files by id. */
    private record Drive(Files files, String owner) implements FileTable.Source {

        @Override
        public FilePage page(FileListing listing) {
            return files.page(owner, listing);
        }

        @Override
        public List<FileLine> lines() {
            return files.lines(owner);
        }

        @Override
        public List<FileSummary> summaries(List<String> fileIds) {
            return files.summaries(owner, fileIds);
        }
    }

    /** Reads the folders, the progress of every transfer that runs or was watched here, and the storage used. */
    public void reload() {
        String owner = client.username();
        folders = new FolderTree(folderBoundary.folders(owner));
        transfers.refresh(owner);
        table.hide(transfers.cancelled());
        table.show(folderId, query);
        usedBytes = files.bytes(owner);
        listed = signature();
    }

    /** The poll: reloads, and tells the page (callback {@code changed}) when the page shown itself changed. */
    public void poll() {
        String before = listed;
        reload();
        PrimeFaces.current().ajax().addCallbackParam("changed", !before.equals(listed));
    }

    private String signature() {
        StringBuilder text = new StringBuilder(transfers.signature());
        shown = table.current();
        shown.forEach(f -> text.append(f.fileId()).append(f.status()).append(f.health()).append(f.name())
                .append(f.folderId()).append(';'));
        text.append(table.getRowCount()).append(';');
        folders.all().forEach(f -> text.append(f.folderId()).append(f.name()).append(';'));
        return text.toString();
    }

    /** One file of an upload: sent through the network by the same boundary as {@code POST /api/files/upload}. */
    public void upload(FileUploadEvent event) {
        transfers.upload(client.username(), folderId, event.getFile());
        reload();
    }

    /** The browser's × on an upload still on its way: the file it makes is deleted as soon as it can be. */
    public void cancelUpload() {
        String name = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("name");
        if (name == null || name.isBlank()) {
            return;
        }
        transfers.cancelByName(name);
        reload();
    }

    /** Cancel in the Transfers panel: the file's id comes with the request (not from the row, which may have moved). */
    public void cancelTransfer() {
        String fileId = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("fileId");
        if (fileId == null || fileId.isBlank()) {
            return;
        }
        transfers.cancel(fileId);
        reload();
    }

    /** Keep both: the new file takes the first free "name (n).ext". */
    public void keepBoth() {
        transfers.keepBoth(client.username());
        reload();
    }

    /** Replace: the older file of that name is deleted. */
    public void replace() {
        transfers.replace(client.username());
        reload();
    }

    public String getDuplicateName() {
        return transfers.duplicateName();
    }

    public void download(FileSummary file) {
        FileActions.download(downloads, client.username(), file.fileId(), file.name());
    }

    /**
     * The grid's files: the page the list shows (its first page, newest first, until the list was paged or
     * sorted) of the open folder, or of the search.
     */
    public List<FileSummary> getFiles() {
        return shown;
    }

    /** "50 of 10,000 files": said under the grid when the folder has more files than one page. */
    public String getMoreFiles() {
        int total = table.getRowCount();
        return total > shown.size()
                ? String.format(Locale.ROOT, "%,d of %,d files: the list pages through them all.", shown.size(), total) : null;
    }

    /** What the page's buttons and dialogs do to files and folders. */
    public DriveActions getActions() {
        return actions;
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

    public List<TransferProgress> getTransfers() {
        return transfers.inOrder();
    }

    public void clearTransfers() {
        transfers.clearFinished();
    }

    /** The bytes of the caller's own files: what "used" means in a personal drive. */
    public long getUsedBytes() {
        return usedBytes;
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

    String owner() {
        return client.username();
    }

    String folderId() {
        return folderId;
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
        table.show(folderId, query);
    }

    public String getFolderId() {
        return folderId;
    }

    public void setFolderId(String folderId) {
        this.folderId = folderId == null || folderId.isBlank() ? null : folderId;
        table.show(this.folderId, query);
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

}
