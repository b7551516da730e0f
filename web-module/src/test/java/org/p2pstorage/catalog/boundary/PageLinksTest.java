package org.p2pstorage.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PageLinksTest {

    @Test
    void theFirstPageLinksToTheNextAndTheLast() {
        assertEquals(Map.of("next", 100, "last", 9900), PageLinks.of(0, 100, 10_000));
    }

    @Test
    void aMiddlePageLinksEveryWay() {
        assertEquals(Map.of("first", 0, "prev", 100, "next", 300, "last", 9900), PageLinks.of(200, 100, 10_000));
    }

    @Test
    void theLastPageHasNoNext() {
        assertEquals(Map.of("first", 0, "prev", 9800), PageLinks.of(9900, 100, 10_000));
        assertEquals(Map.of("first", 0, "prev", 0), PageLinks.of(50, 100, 120), "the last page starts where it was asked to");
    }

    @Test
    void aSinglePageOrAnEmptyListingHasNoLinks() {
        assertEquals(Map.of(), PageLinks.of(0, 100, 7));
        assertEquals(Map.of(), PageLinks.of(0, 100, 0));
    }

    @Test
    void aPageBeyondTheEndLeadsBack() {
        assertEquals(Map.of("first", 0, "prev", 100), PageLinks.of(500, 100, 150));
    }
}
