package org.p2pstorage.catalog.boundary;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.p2pstorage.catalog.entity.FileSummary;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * My Drive's file table as PrimeFaces asks for it, one page at a time: the server sorts, filters and
 * cuts the rows, so the browser never holds (or sorts) more than a page and a sort never needs to
 * change a list in place (the boundary's lists are unmodifiable: PrimeFaces' own in-memory sort threw
 * on them and emptied the table). The rows come from the view on every reload.
 */
public class FileTable extends LazyDataModel<FileSummary> {

    private static final long serialVersionUID = 1L;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, Comparator<FileSummary>> ORDERS = Map.of(
            "name", Comparator.comparing((FileSummary f) -> folded(f.name())).thenComparing(FileSummary::name),
            "size", Comparator.comparingLong(FileSummary::size),
            "createdAt", Comparator.comparing(FileSummary::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())),
            "status", Comparator.comparing(HealthBadges::word));

    private List<FileSummary> rows = List.of();

    /** The rows of the open folder (or of the search), newest first. */
    void show(List<FileSummary> rows) {
        this.rows = List.copyOf(rows);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return rows.size();
    }

    @Override
    public List<FileSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        List<FileSummary> sorted = rows.stream().sorted(order(sortBy)).toList();
        setRowCount(sorted.size());
        int from = Math.min(Math.max(0, first), sorted.size());
        int to = pageSize <= 0 ? sorted.size() : Math.min(sorted.size(), from + pageSize);
        return sorted.subList(from, to);
    }

    static Comparator<FileSummary> order(Map<String, SortMeta> sortBy) {
        Comparator<FileSummary> order = null;
        for (SortMeta sort : sortBy == null ? List.<SortMeta>of() : sortBy.values()) {
            Comparator<FileSummary> by = ORDERS.get(sort.getField());
            if (by == null || sort.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            by = sort.getOrder() == SortOrder.DESCENDING ? by.reversed() : by;
            order = order == null ? by : order.thenComparing(by);
        }
        Comparator<FileSummary> stable = Comparator.comparing(FileSummary::fileId);
        return order == null ? (a, b) -> 0 : order.thenComparing(stable);
    }

    @Override
    public String getRowKey(FileSummary file) {
        return file.fileId();
    }

    @Override
    public FileSummary getRowData(String rowKey) {
        return rows.stream().filter(f -> Objects.equals(f.fileId(), rowKey)).findFirst().orElse(null);
    }

    /** Whether the name has the text, ignoring case and accents ("unicode" finds "ünïcödé"). */
    static boolean matches(String name, String text) {
        return folded(name).contains(folded(text.strip()));
    }

    static String folded(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
