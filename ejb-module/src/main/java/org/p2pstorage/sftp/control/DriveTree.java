package org.p2pstorage.sftp.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.sftp.entity.DriveEntry;

/**
 * One look at a user's drive, as paths: the folders and the files whose upload has settled (a file
 * still TRANSFERRING is not shown, so a client never sees a half-sent file as complete). Built from the
 * records the catalog returns; it maps {@code /a/b/c} to the entry it names. Where a folder holds two
 * files of the same name (REST allows it), the newest is the one a path reaches; a folder wins over a file.
 */
public class DriveTree {

    private final List<DriveEntry> entries;

    public DriveTree(List<FolderView> folders, List<FileSummary> files) {
        List<DriveEntry> all = new ArrayList<>();
        for (FolderView folder : folders) {
            all.add(new DriveEntry(folder.name(), true, folder.folderId(), blankToNull(folder.parentId()), 0,
                    folder.createdAt() == null ? Instant.EPOCH : folder.createdAt()));
        }
        files.stream().filter(file -> !"TRANSFERRING".equals(file.status()))
                .sorted(Comparator.comparing(FileSummary::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(file -> all.add(new DriveEntry(file.name(), false, file.fileId(), blankToNull(file.folderId()),
                        file.size(), file.createdAt() == null ? Instant.EPOCH : file.createdAt())));
        this.entries = List.copyOf(all);
    }

    /** What the path's names (from the top, without "." or "..") lead to, if anything. */
    public Optional<DriveEntry> resolve(List<String> names) {
        DriveEntry at = DriveEntry.driveTop();
        for (String name : names) {
            if (!at.folder()) {
                return Optional.empty();
            }
            Optional<DriveEntry> next = child(at.id(), name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }

    /** The entries directly in a folder ({@code null}: the top), folders first, each name once. */
    public List<DriveEntry> children(String folderId) {
        List<DriveEntry> out = new ArrayList<>();
        for (DriveEntry entry : entries) {
            if (Objects.equals(entry.parentId(), folderId)
                    && out.stream().noneMatch(seen -> seen.name().equals(entry.name()))) {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * Whether the folder {@code folderId} ({@code null}: the top) is {@code ancestorId} or lies inside it, so
     * that moving {@code ancestorId} there would put a folder inside itself.
     */
    public boolean within(String folderId, String ancestorId) {
        int depth = 0;
        for (String at = folderId; at != null && depth <= entries.size(); depth++) {
            if (at.equals(ancestorId)) {
                return true;
            }
            String id = at;
            at = entries.stream().filter(e -> e.folder() && id.equals(e.id())).findFirst()
                    .map(DriveEntry::parentId).orElse(null);
        }
        return false;
    }

    private Optional<DriveEntry> child(String folderId, String name) {
        return entries.stream().filter(e -> Objects.equals(e.parentId(), folderId) && e.name().equals(name)).findFirst();
    }

    private static String blankToNull(String id) {
        return id == null || id.isBlank() ? null : id;
    }
}
