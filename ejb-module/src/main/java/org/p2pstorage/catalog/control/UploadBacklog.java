package org.p2pstorage.catalog.control;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

import org.p2pstorage.catalog.control.Chunker.Chunk;

/**
 * The chunks of one upload that the simulated links cannot take yet, kept in order in a file of the data
 * folder. The client's body is read as fast as the client sends it; what the network's horizon does not
 * let through waits here, on disk, instead of in a thread that sleeps until the link is free. Each entry
 * is the chunk's index, length and SHA-256, then its bytes. Not thread-safe: its {@link UploadFlow} guards it.
 */
public final class UploadBacklog implements AutoCloseable {

    private static final int SHA_BYTES = 32;
    private static final int HEADER = Integer.BYTES * 2 + SHA_BYTES;

    private final Path path;
    private final FileChannel channel;
    private long writeAt;
    private long readAt;
    private int pending;

    private UploadBacklog(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** A new, empty backlog for {@code fileId} in {@code folder}. */
    public static UploadBacklog create(Path folder, String fileId) throws IOException {
        Files.createDirectories(folder);
        Path path = folder.resolve(fileId + ".backlog");
        return new UploadBacklog(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** Queues a chunk behind the others. */
    public void append(Chunk chunk) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(chunk.index()).putInt(chunk.size())
                .put(HexFormat.of().parseHex(chunk.sha256())).flip();
        writeAt += writeFully(header, writeAt);
        writeAt += writeFully(ByteBuffer.wrap(chunk.data()), writeAt);
        pending++;
    }

    /** Takes the oldest chunk out of the backlog; only when {@link #pending()} is above zero. */
    public Chunk take() throws IOException {
        if (pending == 0) {
            throw new IllegalStateException("the backlog of " + path.getFileName() + " is empty");
        }
        ByteBuffer header = readFully(HEADER, readAt);
        int index = header.getInt();
        int size = header.getInt();
        byte[] sha = new byte[SHA_BYTES];
        header.get(sha);
        byte[] data = readFully(size, readAt + HEADER).array();
        readAt += HEADER + size;
        if (--pending == 0) {
            channel.truncate(0);
            readAt = 0;
            writeAt = 0;
        }
        return new Chunk(index, data, HexFormat.of().formatHex(sha));
    }

    /** How many chunks wait. */
    public int pending() {
        return pending;
    }

    /** Closes and deletes the backlog's file. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private int writeFully(ByteBuffer buffer, long position) throws IOException {
        int written = 0;
        while (buffer.hasRemaining()) {
            written += channel.write(buffer, position + written);
        }
        return written;
    }

    private ByteBuffer readFully(int size, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the backlog " + path + " ends early");
            }
        }
        return buffer.flip();
    }
}
