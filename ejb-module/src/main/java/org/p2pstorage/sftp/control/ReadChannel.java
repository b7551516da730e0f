package org.p2pstorage.sftp.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.p2pstorage.remote.control.PieceStream;

/**
 * A file an SFTP client reads: one verified download, written by its own thread into a small queue of
 * pieces ({@link #PIECES} of {@link #PIECE_BYTES}) that the client's reads take in order, so memory stays
 * the same whatever the file's size. A read is filled to the end of the file (a short read makes
 * OpenSSH ask again for what it missed, behind reads it has already sent). Reads must go forward (every client reads a get so); a read further
 * on skips what lies between. Closing stops the download.
 */
public class ReadChannel implements SeekableByteChannel {

    /** The download: writes the file's bytes, verified, to the stream. */
    @FunctionalInterface
    public interface Source {
        void writeTo(OutputStream out) throws IOException;
    }

    static final int PIECE_BYTES = 64 * 1024;
    static final int PIECES = 16;
    private static final Object END = new Object();

    private final long size;
    private final Source source;
    private final Executor workers;
    private final BlockingQueue<Object> pieces = new ArrayBlockingQueue<>(PIECES + 2);
    private volatile boolean open = true;
    private boolean started;
    private byte[] current = new byte[0];
    private int offset;
    private long consumed;
    private long position;

    public ReadChannel(long size, Source source, Executor workers) {
        this.size = size;
        this.source = source;
        this.workers = workers;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new IOException("the file is closed");
        }
        if (position >= size) {
            return -1;
        }
        if (position < consumed) {
            throw new IOException("a download is read from start to end; it cannot go back to byte " + position);
        }
        start();
        while (consumed < position) {
            if (!fill()) {
                return -1;
            }
            int skip = (int) Math.min(position - consumed, current.length - offset);
            offset += skip;
            consumed += skip;
        }
        int total = 0;
        while (dst.hasRemaining() && fill()) {
            int n = Math.min(dst.remaining(), current.length - offset);
            dst.put(current, offset, n);
            offset += n;
            consumed += n;
            total += n;
        }
        position = consumed;
        return total == 0 ? -1 : total;
    }

    /** Makes sure there are bytes in the current piece; false at the end of the file. */
    private boolean fill() throws IOException {
        while (offset >= current.length) {
            Object next;
            try {
                next = pieces.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the download ran", e);
            }
            if (next == END) {
                pieces.offer(END);
                return false;
            }
            if (next instanceof IOException failure) {
                pieces.offer(failure);
                throw new IOException(failure.getMessage(), failure);
            }
            current = (byte[]) next;
            offset = 0;
        }
        return true;
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        workers.execute(() -> {
            try (Pieces out = new Pieces()) {
                source.writeTo(out);
            } catch (IOException | RuntimeException e) {
                pieces.clear();
                pieces.offer(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
                return;
            }
            put(END);
        });
    }

    private boolean put(Object piece) {
        try {
            while (open) {
                if (pieces.offer(piece, 200, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The download's side: cuts what it writes into pieces; fails once the client has closed the file. */
    private final class Pieces extends PieceStream {

        Pieces() {
            super(PIECE_BYTES);
        }

        @Override
        public void close() throws IOException {
            handOn();
        }

        @Override
        protected void piece(byte[] bytes, int length) throws IOException {
            if (!put(java.util.Arrays.copyOf(bytes, length))) {
                throw new IOException("the client closed the file");
            }
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        pieces.clear();
    }
}
