package org.p2pstorage.catalog.entity;

import java.util.Locale;

import org.p2pstorage.failure.entity.Failure;

/**
 * Which page of a drive's files to list: the folder (or every folder), the order and the window. A drive
 * may hold tens of thousands of files, so a listing is always one page, cut and sorted by the database;
 * the query parameters of {@code GET /api/files/list} are read here, and a bad one is a 400 that names it.
 *
 * @param folderId   the folder whose files to list ({@code null} with {@code inFolder}: the top of the drive)
 * @param inFolder   false: the files of every folder
 * @param sort       the column the page is sorted by
 * @param descending the order, ties broken by the file's id in the same direction
 * @param offset     how many files of the whole sorted list come before the page
 * @param limit      the most files the page holds
 */
public record FileListing(String folderId, boolean inFolder, Sort sort, boolean descending, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** The columns a listing sorts by, as the API names them. */
    public enum Sort {
        NAME("name"),
        SIZE("size"),
        CREATED("createdAt"),
        /** By the file's state (available, failed, transferring); the portal's Status column. */
        STATUS("status");

        private final String attribute;

        Sort(String attribute) {
            this.attribute = attribute;
        }

        /** The entity attribute behind the sort, for the query's ORDER BY. */
        public String attribute() {
            return attribute;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FileListing {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
        }
    }

    /** Every folder's files, newest first, the first page. */
    public static FileListing newest(int limit) {
        return new FileListing(null, false, Sort.CREATED, true, 0, limit);
    }

    /**
     * Reads the query parameters as a client sent them ({@code null}: not sent). {@code folder} absent lists
     * every folder, empty lists the top of the drive. Default: newest first, offset 0, {@value DEFAULT_LIMIT}
     * files; ascending by default for {@code sort=name} and {@code status}, descending for size and created, as a drive shows them.
     */
    public static FileListing parse(String folder, String offset, String limit, String sort, String order) {
        Sort by = sort(sort);
        boolean descending = descending(order, by == Sort.SIZE || by == Sort.CREATED);
        return new FileListing(folder == null || folder.isBlank() ? null : folder, folder != null, by, descending,
                number("offset", offset, 0, 0, Integer.MAX_VALUE),
                number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.CREATED;
        }
        for (Sort by : Sort.values()) {
            if (by.label().equals(sort.strip().toLowerCase(Locale.ROOT))) {
                return by;
            }
        }
        throw Failure.invalid("sort must be name, size, created or status, not '" + cut(sort) + "'");
    }

    static boolean descending(String order, boolean byDefault) {
        if (order == null || order.isBlank()) {
            return byDefault;
        }
        return switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw Failure.invalid("order must be asc or desc, not '" + cut(order) + "'");
        };
    }

    /** A whole number in [min, max] for the named parameter, or its default when it was not sent. */
    public static int number(String name, String value, int byDefault, int min, int max) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw Failure.invalid(name + " must be a whole number from " + min + " to " + max + ", not '" + cut(value) + "'");
        }
        if (parsed < min || parsed > max) {
            throw Failure.invalid(name + " must be from " + min + " to " + max + ", not " + parsed);
        }
        return (int) parsed;
    }

    private static String cut(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    /** The same listing, another window. */
    public FileListing window(int offset, int limit) {
        return new FileListing(folderId, inFolder, sort, descending, offset, limit);
    }
}
