package org.p2pstorage.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.p2pstorage.catalog.entity.FileSummary;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class FileTableTest {

    private static FileSummary file(String id, String name, long size, long second, String status) {
        return new FileSummary(id, name, size, "", 1, status, Instant.ofEpochSecond(second), null,
                "AVAILABLE".equals(status) ? "healthy" : null, 2, null);
    }

    private static final List<FileSummary> FILES = List.of(file("1", "b.txt", 30, 3, "AVAILABLE"),
            file("2", "C.txt", 10, 1, "TRANSFERRING"), file("3", "a.txt", 50, 2, "FAILED"));

    private static List<String> names(List<FileSummary> files) {
        return files.stream().map(FileSummary::name).toList();
    }

    private static Map<String, SortMeta> by(String field, SortOrder order) {
        return Map.of(field, SortMeta.builder().field(field).order(order).build());
    }

    @Test
    void sortsEveryColumnBothWaysOnAnUnmodifiableListAndKeepsEveryRow() {
        FileTable table = new FileTable();
        table.show(FILES);
        assertEquals(List.of("a.txt", "b.txt", "C.txt"), names(table.load(0, 50, by("name", SortOrder.ASCENDING), Map.of())));
        assertEquals(List.of("C.txt", "b.txt", "a.txt"), names(table.load(0, 50, by("name", SortOrder.DESCENDING), Map.of())));
        assertEquals(List.of("C.txt", "b.txt", "a.txt"), names(table.load(0, 50, by("size", SortOrder.ASCENDING), Map.of())));
        assertEquals(List.of("C.txt", "a.txt", "b.txt"), names(table.load(0, 50, by("createdAt", SortOrder.ASCENDING), Map.of())));
        assertEquals(List.of("a.txt", "b.txt", "C.txt"), names(table.load(0, 50, by("status", SortOrder.ASCENDING), Map.of())),
                "by the badge's word: failed, healthy, uploading");
        assertEquals(3, table.getRowCount());
    }

    @Test
    void cutsPagesAndKeepsTheListOrderUnsorted() {
        FileTable table = new FileTable();
        table.show(FILES);
        assertEquals(List.of("b.txt", "C.txt", "a.txt"), names(table.load(0, 50, Map.of(), Map.of())));
        assertEquals(List.of("C.txt"), names(table.load(1, 1, Map.of(), Map.of())));
        assertEquals(List.of(), table.load(5, 1, Map.of(), Map.of()));
        assertEquals("3", table.getRowKey(table.getRowData("3")));
    }

    @Test
    void anEmptyDriveSortsToAnEmptyTable() {
        FileTable table = new FileTable();
        assertEquals(List.of(), table.load(0, 50, by("name", SortOrder.ASCENDING), Map.of()));
        assertEquals(0, table.count(Map.of()));
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        assertTrue(FileTable.matches("ünïcödé notes.txt", "UNICODE"));
        assertTrue(FileTable.matches("Résumé.pdf", "resume"));
        assertTrue(!FileTable.matches("notes.txt", "unicode"));
    }
}
