package org.p2pstorage.catalog.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The offsets of the pages around one page of a listing, for its {@code Link} header (RFC 8288):
 * {@code first}, {@code prev}, {@code next} and {@code last}, each only when it leads somewhere else
 * (no {@code next} or {@code last} from a page that reaches the end).
 */
final class PageLinks {

    private PageLinks() {
    }

    /** The relation names with the offsets they point at, in the order a client reads them. */
    static Map<String, Integer> of(int offset, int limit, long total) {
        Map<String, Integer> links = new LinkedHashMap<>();
        long lastOffset = total == 0 ? 0 : (total - 1) / limit * limit;
        if (offset > 0) {
            links.put("first", 0);
            links.put("prev", (int) Math.min(Math.max(0, offset - limit), lastOffset));
        }
        if (offset + (long) limit < total) {
            links.put("next", offset + limit);
            links.put("last", (int) lastOffset);
        }
        return links;
    }
}
