package org.p2pstorage.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.p2pstorage.failure.entity.Failure;

class FileNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "ü-file.txt", "😀.txt", "日本語のファイル.txt", "Ελληνικά", "שלום.txt",
            "👩‍💻 notes.md", "👨‍👩‍👧.jpg", "🏴󠁧󠁢󠁥󠁮󠁧󠁿 flag.png", "é (combining).txt", "a b", "<img src=x onerror=alert(1)>.txt",
            "..hidden", "x..", "🫠.txt"})
    void acceptsPrintableUnicode(String name) {
        assertEquals(name, FileName.valid(name));
    }

    @Test
    void stripsSurroundingBlanks() {
        assertEquals("notes.txt", FileName.valid("  notes.txt \t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cod\u202Etxt.exe", "a\u202Db", "a\u2066b\u2069", "zero\u200Bwidth", "a\u200Cb",
            "soft\u00ADhyphen", "bom\uFEFF", "\u200D😀", "a\u200Db"})
    void refusesInvisibleFormattingCharacters(String name) {
        Failure refused = assertThrows(Failure.class, () -> FileName.valid(name));
        assertEquals(Failure.Kind.INVALID, refused.kind());
        assertTrue(refused.getMessage().contains("invisible formatting character"), refused.getMessage());
        assertTrue(refused.getMessage().contains("U+"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "line\nbreak", "tab\tname", "nul\u0000", "c1\u0085x", "para\u2029x"})
    void refusesControlCharactersAndLineBreaks(String name) {
        Failure refused = assertThrows(Failure.class, () -> FileName.valid(name));
        assertTrue(refused.getMessage().matches("the name contains U\\+[0-9A-F]+, a (control character|line break)"),
                refused.getMessage());
    }

    @Test
    void refusesAnUnpairedSurrogate() {
        assertThrows(Failure.class, () -> FileName.valid("half\uD83D.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ".", "..", " .. "})
    void refusesEmptyAndDotNames(String name) {
        assertThrows(Failure.class, () -> FileName.valid(name));
    }

    @Test
    void refusesNull() {
        assertEquals("the name is empty", assertThrows(Failure.class, () -> FileName.valid(null)).getMessage());
    }

    @Test
    void allowsAtMost255Characters() {
        assertEquals(255, FileName.valid("x".repeat(255)).length());
        assertEquals("the name is 256 characters long; at most 255 are allowed",
                assertThrows(Failure.class, () -> FileName.valid("x".repeat(256))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "../x", "C:\\x", "dir\\"})
    void refusesSlashesInARenameOrFolder(String name) {
        assertEquals("a name cannot contain '/' or '\\'", assertThrows(Failure.class, () -> FileName.valid(name)).getMessage());
    }

    @Test
    void anUploadKeepsTheLastSegmentOfAPath() {
        assertEquals("x", FileName.ofUpload("../x"));
        assertEquals("x.txt", FileName.ofUpload("C:\\Users\\me\\x.txt"));
        assertEquals("passwd", FileName.ofUpload("../../etc/passwd"));
        assertThrows(Failure.class, () -> FileName.ofUpload("dir/"));
        assertThrows(Failure.class, () -> FileName.ofUpload("a/.."));
    }
}
