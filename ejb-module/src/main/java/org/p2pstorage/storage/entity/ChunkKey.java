package org.p2pstorage.storage.entity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names one chunk of one file on a node, and the file it is kept in ({@code <fileId>_chunk_00007.bin}). */
public record ChunkKey(String fileId, int index) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern FILE_NAME = Pattern.compile("([A-Za-z0-9-]{1,64})_chunk_(\\d+)\\.bin");

    public ChunkKey {
        if (fileId == null || !ID.matcher(fileId).matches()) {
            throw new IllegalArgumentException("not a file id: " + fileId);
        }
        if (index < 0) {
            throw new IllegalArgumentException("a chunk index cannot be negative: " + index);
        }
    }

    public String fileName() {
        return String.format("%s_chunk_%05d.bin", fileId, index);
    }

    public static Optional<ChunkKey> ofFileName(String name) {
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ChunkKey(m.group(1), Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() {
        return fileId + "#" + index;
    }
}
