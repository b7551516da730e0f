package org.p2pstorage.cli.terminal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndRuled() {
        String table = new Table(List.of("Node ID", "Files"), 10).row("Node_01", 8).row("Node_0002", 12).footer("Total", 20).render();
        List<String> lines = table.lines().toList();
        assertEquals("─".repeat(20), lines.get(0), "at least 20 wide");
        assertEquals("Node ID    Files", lines.get(1));
        assertEquals("Node_01    8", lines.get(3));
        assertEquals("Node_0002  12", lines.get(4));
        assertEquals(lines.get(0), lines.get(5));
        assertEquals("Total      20", lines.get(6));
    }
}
