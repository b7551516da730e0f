package org.p2pstorage.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2pstorage.failure.entity.Failure;

class FileListingTest {

    @Test
    void withoutParametersTheFirstHundredFilesOfEveryFolderNewestFirst() {
        FileListing listing = FileListing.parse(null, null, null, null, null);
        assertFalse(listing.inFolder());
        assertEquals(FileListing.Sort.CREATED, listing.sort());
        assertTrue(listing.descending());
        assertEquals(0, listing.offset());
        assertEquals(100, listing.limit());
    }

    @Test
    void anEmptyFolderIsTheTopOfTheDriveAndAnAbsentOneEveryFolder() {
        FileListing top = FileListing.parse("", null, null, null, null);
        assertTrue(top.inFolder());
        assertNull(top.folderId());
        FileListing one = FileListing.parse("ab12", null, null, null, null);
        assertTrue(one.inFolder());
        assertEquals("ab12", one.folderId());
    }

    @Test
    void sortAndOrderAreReadWhateverTheirCaseNamesAscendingByDefault() {
        FileListing byName = FileListing.parse(null, "200", "50", "Name", null);
        assertEquals(FileListing.Sort.NAME, byName.sort());
        assertFalse(byName.descending());
        assertEquals(200, byName.offset());
        assertEquals(50, byName.limit());
        assertTrue(FileListing.parse(null, null, null, "size", null).descending(), "largest first by default");
        assertFalse(FileListing.parse(null, null, null, "size", "ASC").descending());
        assertTrue(FileListing.parse(null, null, null, "name", "desc").descending());
        assertEquals("createdAt", FileListing.parse(null, null, null, "created", "asc").sort().attribute());
    }

    @Test
    void aBadParameterIsRefusedByName() {
        assertMessage("limit", () -> FileListing.parse(null, null, "0", null, null));
        assertMessage("limit", () -> FileListing.parse(null, null, "1001", null, null));
        assertMessage("limit", () -> FileListing.parse(null, null, "abc", null, null));
        assertMessage("limit", () -> FileListing.parse(null, null, "99999999999999999999", null, null));
        assertMessage("offset", () -> FileListing.parse(null, "-1", null, null, null));
        assertMessage("offset", () -> FileListing.parse(null, "1.5", null, null, null));
        assertMessage("sort", () -> FileListing.parse(null, null, null, "owner", null));
        assertMessage("order", () -> FileListing.parse(null, null, null, null, "up"));
    }

    @Test
    void theLargestPageIsAllowed() {
        assertEquals(1000, FileListing.parse(null, null, "1000", null, null).limit());
    }

    private static void assertMessage(String parameter, Runnable parse) {
        Failure failure = assertThrows(Failure.class, parse::run);
        assertEquals(Failure.Kind.INVALID, failure.kind());
        assertTrue(failure.getMessage().startsWith(parameter + " must"), failure.getMessage());
    }
}
