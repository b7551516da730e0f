package org.p2pstorage.storage.entity;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a node keeps about a file it holds chunks of, so that the catalog can be rebuilt from the nodes
 * alone: the file's id, owner, name, folder (as a path of names), sizes, SHA-256, chunk count and
 * replication factor. It is one line of the node's manifest: {@code FILE} and the fields, each
 * URL-encoded, {@code -} for none.
 */
public record FileRecord(String fileId, String owner, String name, String folderPath, long size, String sha256,
                         int chunkSize, int chunks, int replicas, Instant createdAt) {

    static final String TAG = "FILE";

    public String toLine() {
        return TAG + " " + Arrays.stream(new String[]{fileId, owner, name, folderPath, Long.toString(size), sha256,
                        Integer.toString(chunkSize), Integer.toString(chunks), Integer.toString(replicas),
                        Long.toString(createdAt.toEpochMilli())})
                .map(FileRecord::encode).collect(Collectors.joining(" ")) + "\n";
    }

    /** The record on a manifest line; empty when the line is not a readable file record. */
    public static Optional<FileRecord> ofLine(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 11 || !parts[0].equals(TAG)) {
            return Optional.empty();
        }
        try {
            String[] f = Arrays.stream(parts, 1, parts.length).map(FileRecord::decode).toArray(String[]::new);
            new ChunkKey(f[0], 0);
            return Optional.of(new FileRecord(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), f[5],
                    Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                    Instant.ofEpochMilli(Long.parseLong(f[9]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("-", "%2D");
    }

    private static String decode(String value) {
        return value.equals("-") ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
