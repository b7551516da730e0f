package org.p2pstorage.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FileActionsTest {

    @Test
    void keepingBothGivesTheFirstFreeNumberedName() {
        assertEquals("notes (1).txt", FileActions.freeName("notes.txt", List.of("notes.txt")));
        assertEquals("notes (2).txt", FileActions.freeName("notes.txt", List.of("notes.txt", "notes (1).txt")));
        assertEquals("Makefile (1)", FileActions.freeName("Makefile", List.of("Makefile")));
        assertEquals(".bashrc (1)", FileActions.freeName(".bashrc", List.of(".bashrc")));
    }
}
