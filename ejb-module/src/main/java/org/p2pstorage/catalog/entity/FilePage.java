package org.p2pstorage.catalog.entity;

import java.util.List;

/** One page of a drive's files and how many files the whole listing has. */
public record FilePage(List<FileSummary> files, long total, int offset, int limit) {

    public FilePage {
        files = List.copyOf(files);
    }
}
