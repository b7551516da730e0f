package org.p2pstorage.catalog.boundary;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.control.FolderRepository;
import org.p2pstorage.catalog.entity.Folder;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.failure.entity.Failure;

/** The folders of a drive: list, create, rename, move, delete when empty; each user sees and uses only their own. */
@Stateless
public class Folders {

    @Inject
    FolderRepository repository;

    /** The caller's folders, by name; a drive has few, so they come all at once. */
    public List<FolderView> folders(String owner) {
        return repository.of(owner).stream().map(FolderView::of).toList();
    }

    /** A new folder in one of the caller's folders ({@code null} or empty: at the top of the drive). */
    public FolderView createFolder(String owner, String parentId, String name) {
        return FolderView.of(repository.create(owner, own(owner, parentId), Files.validName(name)));
    }

    /** Gives one of the caller's folders a new name, under the same rules as a file's name. */
    public FolderView rename(String owner, String folderId, String name) {
        String id = own(owner, folderId);
        if (id == null) {
            throw Failure.invalid("the top of the drive cannot be renamed");
        }
        return FolderView.of(repository.rename(id, Files.validName(name)));
    }

    /**
     * Moves one of the caller's folders, with all it holds, into another of their folders ({@code null} or
     * empty: the top of the drive); never into itself or a folder inside it.
     */
    public FolderView move(String owner, String folderId, String parentId) {
        String id = own(owner, folderId);
        if (id == null) {
            throw Failure.invalid("the top of the drive cannot be moved");
        }
        String target = own(owner, parentId);
        if (target != null && repository.within(target, id)) {
            throw Failure.invalid("a folder cannot be moved into itself or into a folder inside it");
        }
        return FolderView.of(repository.move(id, target));
    }

    /** Removes one of the caller's folders; it must be empty (409 otherwise). */
    public void deleteFolder(String owner, String folderId) {
        String id = own(owner, folderId);
        if (id == null) {
            throw Failure.invalid("the top of the drive cannot be deleted");
        }
        if (!repository.remove(id)) {
            throw new Failure(Failure.Kind.CONFLICT, "the folder is not empty; move or delete what is in it first");
        }
    }

    /** The folder's id when it is the caller's, null for the top of the drive; 404 for any other. */
    public String own(String owner, String folderId) {
        if (folderId == null || folderId.isBlank()) {
            return null;
        }
        return repository.find(folderId).filter(folder -> folder.ownedBy(owner)).map(Folder::id)
                .orElseThrow(() -> Failure.notFound("no folder with id " + folderId));
    }
}
