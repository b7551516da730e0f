package org.p2pstorage.remote.control;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import com.google.protobuf.ByteString;

import io.grpc.stub.ServerCallStreamObserver;

/**
 * The bridge between {@code Downloads.write}, which writes to an OutputStream, and a server-streaming
 * call: the bytes go out in messages of {@code messageBytes}, each sent only when the transport is ready
 * for it (gRPC flow control), so a slow client slows the download instead of filling the server's memory.
 * A client that cancels makes the next write fail, which stops the download.
 */
public class DownloadStream<M> extends PieceStream {

    private final ServerCallStreamObserver<M> call;
    private final Function<ByteString, M> message;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean cancelled;

    /** Must be made in the service method itself: it sets the call's ready and cancel handlers. */
    public DownloadStream(ServerCallStreamObserver<M> call, int messageBytes, Function<ByteString, M> message) {
        super(messageBytes);
        this.call = call;
        this.message = message;
        call.setOnReadyHandler(this::signal);
        call.setOnCancelHandler(() -> {
            cancelled = true;
            signal();
        });
    }

    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void flush() throws IOException {
        handOn();
    }

    @Override
    protected void piece(byte[] bytes, int length) throws IOException {
        awaitReady();
        call.onNext(message.apply(ByteString.copyFrom(bytes, 0, length)));
    }

    private void awaitReady() throws IOException {
        lock.lock();
        try {
            while (!cancelled && !call.isReady()) {
                changed.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the client", e);
        } finally {
            lock.unlock();
        }
        if (cancelled) {
            throw new IOException("the client cancelled the download");
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
