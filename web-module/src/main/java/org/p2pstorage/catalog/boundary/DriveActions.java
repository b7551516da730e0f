package org.p2pstorage.catalog.boundary;

import java.io.Serializable;
import java.util.ArrayList;

import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.primefaces.PrimeFaces;

/**
 * What My Drive's buttons and dialogs do to the caller's files and folders: delete (one, or the
 * selected ones), rename a file or a folder in one dialog, create and delete a folder, move the selected
 * files into a folder. Each calls the same boundaries as the REST API and then has the page read again.
 */
public class DriveActions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DriveView view;
    private final Files files;
    private final Folders folders;
    private FileSummary renaming;
    private FolderView renamingFolder;
    private String newName;
    private String newFolderName;
    private String moveTarget;

    DriveActions(DriveView view, Files files, Folders folders) {
        this.view = view;
        this.files = files;
        this.folders = folders;
    }

    public void delete(FileSummary file) {
        if (FacesFailures.perform(() -> files.delete(view.owner(), file.fileId()))) {
            FacesFailures.info(file.name() + " deleted");
        }
        view.getSelected().remove(file);
        view.reload();
    }

    public void deleteSelected() {
        int deleted = 0;
        for (FileSummary file : new ArrayList<>(view.getSelected())) {
            if (FacesFailures.perform(() -> files.delete(view.owner(), file.fileId()))) {
                deleted++;
            }
        }
        FacesFailures.info(deleted + (deleted == 1 ? " file" : " files") + " deleted");
        view.getSelected().clear();
        view.reload();
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
            if (FacesFailures.attempt(() -> folders.rename(view.owner(), id, newName)) != null) {
                renamingFolder = null;
                PrimeFaces.current().ajax().addCallbackParam("renamed", true);
            }
            view.reload();
            return;
        }
        String fileId = renaming == null ? null : renaming.fileId();
        FileSummary renamed = fileId == null ? null : FacesFailures.attempt(() -> files.rename(view.owner(), fileId, newName));
        if (renamed != null) {
            FileActions.sayIfChanged(newName, renamed.name());
            renaming = null;
            PrimeFaces.current().ajax().addCallbackParam("renamed", true);
        }
        view.reload();
    }

    public void createFolder() {
        if (FacesFailures.attempt(() -> folders.createFolder(view.owner(), view.folderId(), newFolderName)) != null) {
            FacesFailures.info("folder " + newFolderName.strip() + " created");
            newFolderName = null;
            PrimeFaces.current().ajax().addCallbackParam("created", true);
        }
        view.reload();
    }

    public void deleteFolder(FolderView folder) {
        if (FacesFailures.perform(() -> folders.deleteFolder(view.owner(), folder.folderId()))) {
            FacesFailures.info("folder " + folder.name() + " deleted");
        }
        view.reload();
    }

    /** Moves the selected files to the chosen folder (empty: the top of the drive). */
    public void moveSelected() {
        int moved = 0;
        for (FileSummary file : new ArrayList<>(view.getSelected())) {
            if (FacesFailures.attempt(() -> files.move(view.owner(), file.fileId(), moveTarget)) != null) {
                moved++;
            }
        }
        FacesFailures.info(moved + (moved == 1 ? " file" : " files") + " moved");
        view.getSelected().clear();
        PrimeFaces.current().ajax().addCallbackParam("moved", true);
        view.reload();
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
}
