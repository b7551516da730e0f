package org.p2pstorage.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.p2pstorage.catalog.entity.FileLine;
import org.p2pstorage.catalog.entity.FileListing;
import org.p2pstorage.catalog.entity.FilePage;
import org.p2pstorage.catalog.entity.FileSummary;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class FileTableTest {

    private static FileSummary file(String id, String name, long size, long second, String folder) {
        return new FileSummary(id, name, size, "", 1, "AVAILABLE", Instant.ofEpochSecond(second), folder, "healthy", 2, null);
    }

    private static final List<FileSummary> FILES = List.of(file("1", "b.txt", 30, 3, null),
            file("2", "ünïcödé.txt", 10, 1, "f1"), file("3", "a.txt", 50, 2, null));

    /** A drive as the catalog answers it: records what was asked, cuts the pages itself. */
    private static final class FakeDrive implements FileTable.Source {
        final List<FileListing> asked = new ArrayList<>();

        @Override
        public FilePage page(FileListing listing) {
            asked.add(listing);
            List<FileSummary> in = FILES.stream().filter(f -> !listing.inFolder() || java.util.Objects.equals(f.folderId(), listing.folderId())).toList();
            List<FileSummary> page = in.subList(Math.min(listing.offset(), in.size()), Math.min(in.size(), listing.offset() + listing.limit()));
            return new FilePage(page, in.size(), listing.offset(), listing.limit());
        }

        @Override
        public List<FileLine> lines() {
            return FILES.stream().map(f -> new FileLine(f.fileId(), f.name(), f.folderId(), f.size(), f.createdAt())).toList();
        }

        @Override
        public List<FileSummary> summaries(List<String> fileIds) {
            return fileIds.stream().flatMap(id -> FILES.stream().filter(f -> f.fileId().equals(id))).toList();
        }
    }

    private static List<String> names(List<FileSummary> files) {
        return files.stream().map(FileSummary::name).toList();
    }

    private static Map<String, SortMeta> by(String field, SortOrder order) {
        return Map.of(field, SortMeta.builder().field(field).order(order).build());
    }

    @Test
    void asksTheCatalogForTheSortedPageOfTheOpenFolder() {
        FakeDrive drive = new FakeDrive();
        FileTable table = new FileTable(drive);
        table.show(null, null);
        assertEquals(List.of("b.txt", "a.txt"), names(table.load(0, 50, by("size", SortOrder.DESCENDING), Map.of())));
        FileListing asked = drive.asked.get(0);
        assertEquals(FileListing.Sort.SIZE, asked.sort());
        assertTrue(asked.descending());
        assertTrue(asked.inFolder());
        assertNull(asked.folderId(), "the top of the drive");
        assertEquals(2, table.getRowCount());

        table.load(25, 25, by("name", SortOrder.ASCENDING), Map.of());
        assertEquals(new FileListing(null, true, FileListing.Sort.NAME, false, 25, 25), drive.asked.get(1));
        table.load(0, 50, by("status", SortOrder.ASCENDING), Map.of());
        assertEquals(FileListing.Sort.STATUS, drive.asked.get(2).sort());
    }

    @Test
    void unsortedIsNewestFirstAndAPageIsNeverLargerThanTheApiAllows() {
        FakeDrive drive = new FakeDrive();
        FileTable table = new FileTable(drive);
        table.show("f1", null);
        assertEquals(List.of("ünïcödé.txt"), names(table.load(0, 5000, Map.of(), Map.of())));
        assertEquals(new FileListing("f1", true, FileListing.Sort.CREATED, true, 0, FileListing.MAX_LIMIT), drive.asked.get(0));
    }

    @Test
    void theSearchLooksThroughEveryFolderIgnoringCaseAndAccentsAndSorts() {
        FileTable table = new FileTable(new FakeDrive());
        table.show(null, "UNICODE");
        assertEquals(List.of("ünïcödé.txt"), names(table.load(0, 50, Map.of(), Map.of())));
        table.show(null, ".txt");
        assertEquals(List.of("a.txt", "b.txt", "ünïcödé.txt"), names(table.load(0, 50, by("name", SortOrder.ASCENDING), Map.of())));
        assertEquals(List.of("b.txt"), names(table.load(1, 1, by("name", SortOrder.ASCENDING), Map.of())));
        assertEquals(3, table.getRowCount());
    }

    @Test
    void aRowOfAnotherPageIsFoundByItsKeyAndCancelledUploadsAreHidden() {
        FileTable table = new FileTable(new FakeDrive());
        table.show(null, null);
        table.load(0, 1, Map.of(), Map.of());
        assertEquals("a.txt", table.getRowData("3").name());
        table.hide(Set.of("1"));
        assertFalse(names(table.load(0, 50, Map.of(), Map.of())).contains("b.txt"));
        assertEquals(List.of("a.txt"), names(table.current()), "the poll reads the page shown again");
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        assertTrue(FileTable.matches("ünïcödé notes.txt", "UNICODE"));
        assertTrue(FileTable.matches("Résumé.pdf", "resume"));
        assertFalse(FileTable.matches("notes.txt", "unicode"));
    }
}
