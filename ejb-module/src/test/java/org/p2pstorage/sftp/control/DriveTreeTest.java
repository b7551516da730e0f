package org.p2pstorage.sftp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.sftp.entity.DriveEntry;

class DriveTreeTest {

    private static FileSummary file(String id, String name, String folderId, String status, long at) {
        return new FileSummary(id, name, 10, "h", 1, status, Instant.ofEpochSecond(at), folderId, null, 2, null);
    }

    private final DriveTree tree = new DriveTree(
            List.of(new FolderView("f1", "docs", null, Instant.EPOCH), new FolderView("f2", "old", "f1", Instant.EPOCH)),
            List.of(file("a", "a.txt", null, "AVAILABLE", 1), file("b", "b.txt", "f2", "AVAILABLE", 1),
                    file("c", "half.bin", null, "TRANSFERRING", 2),
                    file("d1", "same.txt", "f1", "AVAILABLE", 1), file("d2", "same.txt", "f1", "AVAILABLE", 5)));

    @Test
    void pathsLeadThroughFoldersToFiles() {
        assertTrue(tree.resolve(List.of()).orElseThrow().isTop());
        assertEquals("f1", tree.resolve(List.of("docs")).orElseThrow().id());
        assertEquals("b", tree.resolve(List.of("docs", "old", "b.txt")).orElseThrow().id());
        assertEquals("a", tree.resolve(List.of("a.txt")).orElseThrow().id());
        assertTrue(tree.resolve(List.of("docs", "a.txt")).isEmpty(), "a file is where its folder is, nowhere else");
        assertTrue(tree.resolve(List.of("a.txt", "x")).isEmpty(), "a file has nothing under it");
    }

    @Test
    void aFileStillTransferringIsNotThere() {
        assertTrue(tree.resolve(List.of("half.bin")).isEmpty());
        assertEquals(List.of("docs", "a.txt"), tree.children(null).stream().map(DriveEntry::name).toList());
    }

    @Test
    void aNameTwiceInAFolderShowsOnceAsTheNewest() {
        assertEquals(List.of("old", "same.txt"), tree.children("f1").stream().map(DriveEntry::name).toList());
        assertEquals("d2", tree.resolve(List.of("docs", "same.txt")).orElseThrow().id());
    }

    @Test
    void aFolderIsWithinItselfAndItsAncestorsOnly() {
        assertTrue(tree.within("f1", "f1"), "moving docs into docs");
        assertTrue(tree.within("f2", "f1"), "moving docs into docs/old");
        assertFalse(tree.within("f1", "f2"), "old may move up to docs' place");
        assertFalse(tree.within(null, "f1"), "the top is inside no folder");
        assertFalse(tree.within("f1", "nope"));
    }

    @Test
    void aFolderThatNamesALoopEnds() {
        DriveTree looped = new DriveTree(List.of(new FolderView("x", "x", "y", Instant.EPOCH),
                new FolderView("y", "y", "x", Instant.EPOCH)), List.of());
        assertFalse(looped.within("x", "z"), "a damaged catalog does not hang the look");
    }
}
