package org.p2pstorage.remote.boundary;

import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.google.protobuf.ByteString;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;

import org.p2pstorage.catalog.boundary.DownloadPump;
import org.p2pstorage.remote.control.Calls;

/**
 * A server-streaming gRPC call as the end of a {@link DownloadPump}: each chunk goes out as one message
 * when gRPC's flow control says the client can take it, and the call's ready handler wakes the pump, so
 * no thread waits for a throttled link or a slow client. A client that cancels stops the pump; a download
 * stopped short ends the call with DATA_LOSS.
 */
final class DownloadCall<M> implements DownloadPump.Sink {

    private static final Logger LOG = Logger.getLogger(DownloadCall.class.getName());

    private final ServerCallStreamObserver<M> call;
    private final Function<ByteString, M> message;

    DownloadCall(ServerCallStreamObserver<M> call, Function<ByteString, M> message) {
        this.call = call;
        this.message = message;
    }

    /** Connects the call's handlers to the pump and starts it; must run in the service method itself. */
    void start(DownloadPump pump) {
        call.setOnReadyHandler(pump::pump);
        call.setOnCancelHandler(() -> {
            LOG.log(Level.INFO, "a download was cancelled by the client");
            pump.cancel();
        });
        pump.pump();
    }

    @Override
    public boolean ready() {
        return !call.isCancelled() && call.isReady();
    }

    @Override
    public void write(byte[] data) {
        call.onNext(message.apply(ByteString.copyFrom(data)));
    }

    @Override
    public void completed() {
        call.onCompleted();
    }

    @Override
    public void failed(String why) {
        Calls.fail(call, Status.DATA_LOSS.withDescription(why).asRuntimeException());
    }
}
