package org.p2pstorage.catalog.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.p2pstorage.catalog.entity.FolderView;

/**
 * A user's folders as My Drive walks them: the folders inside one, the breadcrumb from the top of the
 * drive down to it, and the name of the folder a file is in (for search results).
 */
final class FolderTree implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 64;

    private final List<FolderView> folders;

    FolderTree(List<FolderView> folders) {
        this.folders = List.copyOf(folders);
    }

    List<FolderView> all() {
        return folders;
    }

    List<FolderView> inside(String folderId) {
        return folders.stream().filter(f -> Objects.equals(f.parentId(), folderId)).toList();
    }

    /** The folders from the top of the drive down to this one. */
    List<FolderView> path(String folderId) {
        List<FolderView> path = new ArrayList<>();
        for (String id = folderId; id != null && path.size() < MAX_DEPTH; ) {
            FolderView folder = find(id);
            if (folder == null) {
                break;
            }
            path.add(0, folder);
            id = folder.parentId();
        }
        return path;
    }

    /** The folder's name, "My Drive" for the top. */
    String nameOf(String folderId) {
        FolderView folder = folderId == null ? null : find(folderId);
        return folder == null ? "My Drive" : folder.name();
    }

    private FolderView find(String id) {
        return folders.stream().filter(f -> f.folderId().equals(id)).findFirst().orElse(null);
    }
}
