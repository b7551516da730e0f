package org.p2pstorage.remote.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.google.protobuf.ByteString;

/**
 * The bridge between a client-streaming upload and {@code Uploads.upload}, which reads an InputStream:
 * the gRPC side {@link #offer offers} each message's bytes, the upload's thread reads them. Memory stays
 * bounded whatever the file's size because the client is asked for one more message only when the reader
 * takes one ({@code more}, gRPC flow control): at most {@code window} messages wait here. A client that
 * cancels or goes away {@link #fail fails} the stream, so the upload stops and leaves nothing.
 */
public class UploadPipe extends InputStream {

    private static final Object END = new Object();

    private final BlockingQueue<Object> parts;
    private final Runnable more;
    private ByteString current = ByteString.EMPTY;
    private int position;
    private boolean ended;

    /** {@code window}: how many messages the caller has asked for ahead; {@code more} asks for one more. */
    public UploadPipe(int window, Runnable more) {
        this.parts = new ArrayBlockingQueue<>(window + 2);
        this.more = more;
    }

    /** A data message arrived (never blocks while the client sends no more than it was asked for). */
    public void offer(ByteString data) {
        if (!parts.offer(data)) {
            fail("the client sent more than it was asked for");
        }
    }

    /** The client finished sending. */
    public void end() {
        parts.offer(END);
    }

    /** The client cancelled or the call broke: the reader gets an IOException. */
    public void fail(String why) {
        parts.clear();
        parts.offer(new IOException(why));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position >= current.size()) {
            if (ended) {
                return -1;
            }
            Object next = take();
            if (next == END) {
                ended = true;
                return -1;
            }
            if (next instanceof IOException failure) {
                parts.offer(failure);
                throw new IOException(failure.getMessage(), failure);
            }
            current = (ByteString) next;
            position = 0;
            more.run();
        }
        int n = Math.min(len, current.size() - position);
        current.copyTo(b, position, off, n);
        position += n;
        return n;
    }

    private Object take() throws IOException {
        try {
            return parts.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the client's bytes", e);
        }
    }
}
