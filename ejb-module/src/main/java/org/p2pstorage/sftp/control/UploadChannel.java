package org.p2pstorage.sftp.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;

import org.p2pstorage.remote.control.UploadPipe;

/**
 * A file an SFTP client writes: one upload, fed as the client writes, through the same
 * {@link UploadPipe} the gRPC upload uses (the upload's thread reads the pipe; at most {@link #WINDOW}
 * writes wait in memory, the client is held back otherwise). Writes must come in order, as every SFTP
 * client sends a put. Only a close the client asked for ({@link #commit}) ends the upload; a handle
 * closed because the session went away fails the pipe, so the upload stops and leaves nothing. Closing does
 * not wait: the answer to the client's close waits for {@link #settled} (the catalog's callback), no thread does.
 */
public class UploadChannel implements SeekableByteChannel {

    /** The upload itself, reading the client's bytes to their end; completes with the file's id once it has settled. */
    @FunctionalInterface
    public interface Upload {
        CompletableFuture<String> from(InputStream content);
    }

    static final int WINDOW = 64;

    private final UploadPipe pipe;
    private final Semaphore room = new Semaphore(WINDOW);
    private final CompletableFuture<String> done;
    private long written;
    private volatile boolean committed;
    private boolean open = true;

    public UploadChannel(Upload upload, Executor workers) {
        this.pipe = new UploadPipe(WINDOW, room::release);
        this.done = CompletableFuture.supplyAsync(() -> upload.from(pipe), workers).thenCompose(settled -> settled);
    }

    /** Completes when the upload has settled: with the file's id once every copy is stored, else with why not. */
    public CompletableFuture<String> settled() {
        return done;
    }

    /** The client closed the file itself: what it wrote is the whole file. */
    public void commit() {
        committed = true;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ensureOpen();
        int n = src.remaining();
        if (n == 0) {
            return 0;
        }
        ByteString bytes = ByteString.copyFrom(src);
        try {
            while (!room.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (done.isDone()) {
                    throw new IOException(outcome());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the upload was busy", e);
        }
        if (done.isDone()) {
            throw new IOException(outcome());
        }
        pipe.offer(bytes);
        written += n;
        return n;
    }

    /** Why the upload ended before the client finished writing. */
    private String outcome() {
        try {
            done.join();
            return "the upload ended before the file did";
        } catch (CompletionException e) {
            return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        if (committed) {
            pipe.end();
        } else {
            pipe.fail("the client went away in the middle of the upload");
        }
    }

    @Override
    public long position() {
        return written;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        if (newPosition != written) {
            throw new IOException("an upload is written from start to end; it cannot go to byte " + newPosition);
        }
        return this;
    }

    @Override
    public long size() {
        return written;
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        if (size != written) {
            throw new IOException("an upload cannot be truncated");
        }
        return this;
    }

    @Override
    public int read(ByteBuffer dst) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private void ensureOpen() throws IOException {
        if (!open) {
            throw new IOException("the upload is closed");
        }
    }
}
