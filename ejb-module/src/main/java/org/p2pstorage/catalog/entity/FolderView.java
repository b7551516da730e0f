package org.p2pstorage.catalog.entity;

import java.time.Instant;

/** A folder as the API and the portal show it. */
public record FolderView(String folderId, String name, String parentId, Instant createdAt) {

    public static FolderView of(Folder folder) {
        return new FolderView(folder.id(), folder.name(), folder.parentId(), folder.createdAt());
    }
}
