package org.p2pstorage.catalog.boundary;

import java.io.Serializable;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.p2pstorage.catalog.entity.FileLine;
import org.p2pstorage.catalog.entity.FileListing;
import org.p2pstorage.catalog.entity.FilePage;
import org.p2pstorage.catalog.entity.FileSummary;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * My Drive's file table as PrimeFaces asks for it, one page at a time, read from the catalog: the
 * database sorts and cuts the open folder's files, so neither the server nor the browser ever holds more
 * than a page of a drive of ten thousand files (and the health is computed for that page only). A search
 * by name looks through the names alone (accents and case folded, which the database cannot do), then
 * reads the page it found in full.
 */
public class FileTable extends LazyDataModel<FileSummary> {

    private static final long serialVersionUID = 1L;
    /** The rows a page of the table shows at first. */
    static final int DEFAULT_ROWS = 50;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, FileListing.Sort> COLUMNS = Map.of("name", FileListing.Sort.NAME,
            "size", FileListing.Sort.SIZE, "createdAt", FileListing.Sort.CREATED, "status", FileListing.Sort.STATUS);
    private static final Map<FileListing.Sort, Comparator<FileLine>> SEARCH_ORDERS = Map.of(
            FileListing.Sort.NAME, Comparator.comparing((FileLine f) -> folded(f.name())).thenComparing(FileLine::name),
            FileListing.Sort.SIZE, Comparator.comparingLong(FileLine::size),
            FileListing.Sort.CREATED, Comparator.comparing(FileLine::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())),
            FileListing.Sort.STATUS, Comparator.comparing(FileLine::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));

    /** Where the rows come from: the caller's drive through the {@code Files} boundary. */
    public interface Source extends Serializable {

        FilePage page(FileListing listing);

        List<FileLine> lines();

        List<FileSummary> summaries(List<String> fileIds);
    }

    private final Source source;
    private String folderId;
    private String query;
    private List<FileSummary> rows = List.of();
    private Set<String> hidden = Set.of();
    private FileListing last;

    FileTable(Source source) {
        this.source = source;
    }

    /** Shows the files of this folder ({@code null}: the top of the drive), or of the whole drive whose names have the text. */
    void show(String folderId, String query) {
        String shown = query == null || query.isBlank() ? null : query;
        if (!Objects.equals(folderId, this.folderId) || !Objects.equals(shown, this.query)) {
            last = null;
        }
        this.folderId = folderId;
        this.query = shown;
    }

    /** Files left out of every page (uploads cancelled on the page, deleted once their transfer ends). */
    void hide(Set<String> fileIds) {
        this.hidden = Set.copyOf(fileIds);
    }

    /** The page shown last, read again (the first page, newest first, before any was shown). */
    List<FileSummary> current() {
        FileListing listing = last != null ? last : listing(Map.of(), 0, DEFAULT_ROWS);
        return read(listing);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (query != null) {
            return (int) source.lines().stream().filter(f -> matches(f.name(), query)).count();
        }
        return (int) Math.min(Integer.MAX_VALUE, source.page(listing(Map.of(), 0, 1)).total());
    }

    @Override
    public List<FileSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        last = listing(sortBy, Math.max(0, first), pageSize <= 0 ? FileListing.MAX_LIMIT : Math.min(pageSize, FileListing.MAX_LIMIT));
        return read(last);
    }

    private List<FileSummary> read(FileListing listing) {
        if (query != null) {
            List<FileLine> found = source.lines().stream().filter(f -> matches(f.name(), query)).sorted(order(listing)).toList();
            setRowCount(found.size());
            int from = Math.min(listing.offset(), found.size());
            rows = source.summaries(found.subList(from, Math.min(found.size(), from + listing.limit())).stream()
                    .map(FileLine::fileId).toList());
        } else {
            FilePage page = source.page(listing);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            rows = page.files();
        }
        rows = visible(rows);
        return rows;
    }

    private List<FileSummary> visible(List<FileSummary> files) {
        return hidden.isEmpty() ? files : files.stream().filter(f -> !hidden.contains(f.fileId())).toList();
    }

    /** The listing for a sort of the table (unsorted: newest first), in the open folder. */
    FileListing listing(Map<String, SortMeta> sortBy, int first, int pageSize) {
        FileListing.Sort sort = FileListing.Sort.CREATED;
        boolean descending = true;
        for (SortMeta meta : sortBy == null ? List.<SortMeta>of() : sortBy.values()) {
            FileListing.Sort column = COLUMNS.get(meta.getField());
            if (column != null && meta.getOrder() != SortOrder.UNSORTED) {
                sort = column;
                descending = meta.getOrder() == SortOrder.DESCENDING;
                break;
            }
        }
        return new FileListing(folderId, true, sort, descending, first, pageSize);
    }

    private static Comparator<FileLine> order(FileListing listing) {
        Comparator<FileLine> by = SEARCH_ORDERS.get(listing.sort());
        by = listing.descending() ? by.reversed() : by;
        return by.thenComparing(FileLine::fileId);
    }

    @Override
    public String getRowKey(FileSummary file) {
        return file.fileId();
    }

    @Override
    public FileSummary getRowData(String rowKey) {
        return rows.stream().filter(f -> Objects.equals(f.fileId(), rowKey)).findFirst()
                .orElseGet(() -> rowKey == null ? null : source.summaries(List.of(rowKey)).stream().findFirst().orElse(null));
    }

    /** Whether the name has the text, ignoring case and accents ("unicode" finds "ünïcödé"). */
    static boolean matches(String name, String text) {
        return folded(name).contains(folded(text.strip()));
    }

    static String folded(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
