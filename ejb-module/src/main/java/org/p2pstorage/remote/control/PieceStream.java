package org.p2pstorage.remote.control;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An OutputStream that hands on what is written in pieces of a fixed size (the last one shorter): the shape
 * of an SFTP download, where {@code Downloads.write} writes as it verifies and the client takes whole
 * pieces (its reads).
 */
public abstract class PieceStream extends OutputStream {

    private final byte[] buffer;
    private int filled;

    protected PieceStream(int pieceBytes) {
        this.buffer = new byte[pieceBytes];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == buffer.length) {
                handOn();
            }
        }
    }

    /** Hands on the bytes gathered so far, if any, as a shorter piece. */
    protected final void handOn() throws IOException {
        if (filled > 0) {
            int length = filled;
            filled = 0;
            piece(buffer, length);
        }
    }

    /** One piece: the first {@code length} bytes of {@code bytes}, which are reused once this returns. */
    protected abstract void piece(byte[] bytes, int length) throws IOException;
}
