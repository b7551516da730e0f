package org.p2pstorage.catalog.control;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.integrity.entity.Sha256;

/**
 * Cuts a stream into fixed-size chunks as it is read, with a SHA-256 per chunk and one for the whole
 * file. Only one chunk is in memory at a time, whatever the size of the file.
 */
public final class Chunker {

    /** One chunk: its position, its bytes (exactly its length) and their SHA-256. */
    public record Chunk(int index, byte[] data, String sha256) {

        public int size() {
            return data.length;
        }
    }

    /** The whole file, known once the stream ends. */
    public record Summary(long size, String sha256, int chunks) {
    }

    /** Receives each chunk as soon as it is cut. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(Chunk chunk);
    }

    private Chunker() {
    }

    /**
     * Reads {@code in} to its end, handing each chunk to {@code sink}. Refuses with TOO_LARGE as soon
     * as more than {@code maxBytes} have been read.
     */
    public static Summary split(InputStream in, int chunkSize, long maxBytes, ChunkSink sink) throws IOException {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        MessageDigest whole = Sha256.digest();
        byte[] buffer = new byte[chunkSize];
        long size = 0;
        int index = 0;
        int read;
        while ((read = fill(in, buffer)) > 0) {
            size += read;
            if (size > maxBytes) {
                throw new Failure(Failure.Kind.TOO_LARGE,
                        "the file is larger than the maximum upload size of " + maxBytes + " bytes");
            }
            byte[] data = Arrays.copyOf(buffer, read);
            whole.update(data);
            sink.accept(new Chunk(index++, data, Sha256.of(data)));
        }
        return new Summary(size, Sha256.hex(whole.digest()), index);
    }

    /** Reads until the buffer is full or the stream ends, however few bytes each read gives. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    /** How many chunks a file of {@code size} bytes is cut into. */
    public static int chunkCount(long size, int chunkSize) {
        return (int) ((size + chunkSize - 1) / chunkSize);
    }
}
