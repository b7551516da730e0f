package org.p2pstorage.sftp.control;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A file an SFTP client reads, answered without a waiting thread: the client's read requests wait here as
 * requests, and the download (woken by the link model's clock, not parked) hands in each chunk as it arrives;
 * whoever brings the missing part (a new request or a new chunk) answers the requests it completes, in order.
 * At most {@link #PIECES} chunks and {@link #MAX_WAITING} requests are held, whatever the file's size: a full
 * queue holds the download back ({@link Source#more} resumes it). A read is filled to the end of the file (a
 * short read makes OpenSSH ask again for what it missed, behind reads it has already sent); the file's last byte
 * is held until the whole file has matched its SHA-256, so a damaged file ends in a failure, never in a clean
 * end of file. Reads must go forward (every client reads a get so); a read further on skips what lies between.
 */
public class ReadChannel implements SeekableByteChannel {

    /** The download behind the channel. */
    public interface Source {

        /** Hand in more chunks: the first read, or room made after the queue was full. */
        void more();

        /** The client closed the file: stop. */
        void stop();
    }

    /** Where one read request's answer goes (the SFTP reply), on the thread that completes it. */
    public interface Answer {

        void data(byte[] bytes);

        /** Nothing more: the request starts at or after the end of the file. */
        void end(EOFException end);

        void failed(IOException failure);
    }

    static final int PIECES = 16;
    static final int MAX_WAITING = 256;

    private record Request(long offset, int length, Answer answer) {
    }

    private final long size;
    private final Source source;
    private final Deque<byte[]> pieces = new ArrayDeque<>();
    private final Deque<Request> waiting = new ArrayDeque<>();
    /** Bytes of the first piece already taken. */
    private int taken;
    /** The file's offset of the first byte not yet taken. */
    private long consumed;
    private long received;
    private boolean started;
    private boolean wanted;
    private boolean ended;
    private IOException failure;
    private boolean open = true;

    public ReadChannel(long size, Source source) {
        this.size = size;
        this.source = source;
    }

    /** One read request: answered now when its bytes are here, else by the chunk that brings them. */
    public void read(long offset, int length, Answer answer) {
        boolean start;
        synchronized (this) {
            if (!open) {
                answer.failed(new IOException("the file is closed"));
                return;
            }
            if (waiting.size() >= MAX_WAITING) {
                answer.failed(new IOException("more than " + MAX_WAITING + " reads of one file wait at once"));
                return;
            }
            waiting.add(new Request(offset, length, answer));
            start = !started;
            started = true;
            serve();
        }
        if (start) {
            source.more();
        }
    }

    /** The download's side: whether it can hand in a chunk now; when not, {@link Source#more} says when. */
    public synchronized boolean hasRoom() {
        wanted = pieces.size() >= PIECES;
        return open && !wanted;
    }

    /** The download's side: the next chunk, verified. */
    public synchronized void add(byte[] chunk) {
        if (!open) {
            return;
        }
        pieces.add(chunk);
        received += chunk.length;
        serve();
    }

    /** The download's side: every byte was handed in and the whole file matched its SHA-256. */
    public synchronized void end() {
        ended = true;
        serve();
    }

    /** The download's side: it stopped short; every read waiting and to come fails with {@code why}. */
    public synchronized void fail(String why) {
        failure = new IOException(why);
        pieces.clear();
        serve();
    }

    /** Answers the waiting requests in order, as far as the bytes here go. */
    private void serve() {
        boolean roomMade = false;
        while (!waiting.isEmpty()) {
            Request next = waiting.peek();
            if (failure != null) {
                waiting.remove().answer().failed(failure);
                continue;
            }
            if (next.offset() < consumed) {
                waiting.remove().answer().failed(new IOException(
                        "a download is read from start to end; it cannot go back to byte " + next.offset()));
                continue;
            }
            if (next.offset() >= size) {
                if (!ended) {
                    break; // an end of file is told once the whole file has matched its SHA-256
                }
                waiting.remove().answer().end(new EOFException("the file ends at byte " + size));
                continue;
            }
            int want = (int) Math.min(next.length(), size - next.offset());
            long servable = ended ? received : Math.min(received, size - 1);
            if (next.offset() + want > servable) {
                break; // the rest is still on its way
            }
            waiting.remove();
            roomMade |= skipTo(next.offset());
            byte[] bytes = new byte[want];
            roomMade |= take(bytes);
            next.answer().data(bytes);
        }
        if (roomMade && wanted && open) {
            wanted = false;
            source.more();
        }
    }

    private boolean skipTo(long offset) {
        boolean freed = false;
        while (consumed < offset) {
            int n = (int) Math.min(offset - consumed, pieces.peek().length - taken);
            consumed += n;
            taken += n;
            freed |= dropIfTaken();
        }
        return freed;
    }

    private boolean take(byte[] into) {
        boolean freed = false;
        int filled = 0;
        while (filled < into.length) {
            byte[] piece = pieces.peek();
            int n = Math.min(into.length - filled, piece.length - taken);
            System.arraycopy(piece, taken, into, filled, n);
            filled += n;
            taken += n;
            consumed += n;
            freed |= dropIfTaken();
        }
        return freed;
    }

    private boolean dropIfTaken() {
        if (taken == pieces.peek().length) {
            pieces.remove();
            taken = 0;
            return true;
        }
        return false;
    }

    /** Not how this channel is read: MINA's own read path would wait on the session's thread. */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        throw new IOException("this file is read with SFTP read requests only");
    }

    @Override
    public synchronized long position() {
        return consumed;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
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
    public synchronized boolean isOpen() {
        return open;
    }

    /** Stops the download; reads still waiting are answered with a failure before the close's own answer. */
    @Override
    public void close() {
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            pieces.clear();
            IOException closed = new IOException("the file is closed");
            while (!waiting.isEmpty()) {
                waiting.remove().answer().failed(closed);
            }
        }
        source.stop();
    }
}
