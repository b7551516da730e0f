package org.p2pstorage.remote.boundary;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.p2pstorage.catalog.boundary.Uploads;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.grpc.v1.UploadFileRequest;
import org.p2pstorage.grpc.v1.UploadFileResponse;
import org.p2pstorage.grpc.v1.UploadHeader;
import org.p2pstorage.remote.control.Calls;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.remote.control.FailureStatus;
import org.p2pstorage.remote.control.UploadPipe;

/**
 * A client-streaming gRPC call as the start of an upload: the first message's header starts {@code Uploads.upload} on a worker
 * thread, reading from an {@link UploadPipe} that the following messages fill. The client is asked for
 * messages as the upload takes them (flow control, constant memory). When the client cancels, the pipe
 * fails, and {@code Uploads} removes whatever it had sent: the file, its chunks, the room reserved.
 * <p>
 * It lives with {@link FileTransferEndpoint}, beside {@link DownloadCall}: it is the endpoint's side of
 * one upload, handing the call to the catalog's {@link Uploads} boundary; the pipe's logic is {@link UploadPipe}.
 */
final class UploadCall implements StreamObserver<UploadFileRequest> {

    private static final Logger LOG = Logger.getLogger(UploadCall.class.getName());
    /** Messages asked for ahead of the reader: the most that ever wait in memory for one upload. */
    static final int WINDOW = 8;

    private final String owner;
    private final ServerCallStreamObserver<UploadFileResponse> call;
    private final Uploads uploads;
    private final Executor workers;
    private final Duration wait;
    private final UploadPipe pipe;
    private boolean started;

    UploadCall(String owner, ServerCallStreamObserver<UploadFileResponse> call, Uploads uploads,
                          Executor workers, Duration wait) {
        this.owner = owner;
        this.call = call;
        this.uploads = uploads;
        this.workers = workers;
        this.wait = wait;
        this.pipe = new UploadPipe(WINDOW, () -> call.request(1));
        call.disableAutoRequest();
        call.setOnCancelHandler(() -> pipe.fail("the client cancelled the upload"));
        call.request(1);
    }

    @Override
    public void onNext(UploadFileRequest part) {
        if (!started) {
            if (!part.hasHeader()) {
                Calls.fail(call, Status.INVALID_ARGUMENT
                        .withDescription("the first message must be the header: the file's name and size").asRuntimeException());
                return;
            }
            started = true;
            start(part.getHeader());
            call.request(WINDOW);
        } else if (part.hasData()) {
            pipe.offer(part.getData());
        } else {
            call.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        pipe.fail("the upload was broken off: " + Status.fromThrowable(t).getCode());
    }

    @Override
    public void onCompleted() {
        if (!started) {
            Calls.fail(call, Status.INVALID_ARGUMENT.withDescription("no header was sent").asRuntimeException());
            return;
        }
        pipe.end();
    }

    private void start(UploadHeader header) {
        long size = header.getSize() >= 0 ? header.getSize() : -1;
        workers.execute(() -> {
            UploadResponse sent;
            try {
                sent = uploads.upload(owner, header.getName(), pipe, size);
            } catch (Failure refused) {
                // answered once nothing of the upload is left, as REST's refusal is
                refused.cleanedUp().whenComplete((cleaned, error) -> refuse(refused));
                return;
            } catch (RuntimeException e) {
                refuse(e);
                return;
            }
            if (header.getWait()) {
                uploads.whenSettled(sent.fileId(), wait, this::answer);
            } else {
                answer(sent);
            }
        });
    }

    private void refuse(RuntimeException e) {
        if (call.isCancelled()) {
            LOG.log(Level.INFO, "an upload over gRPC was cancelled by its client; nothing was kept");
        } else {
            Calls.fail(call, FailureStatus.of(e), e);
        }
    }

    private void answer(UploadResponse sent) {
        try {
            call.onNext(UploadFileResponse.newBuilder().setFileId(sent.fileId()).setName(sent.name() == null ? "" : sent.name())
                    .setSize(sent.size()).setChunks(sent.chunks()).setStatus(sent.status())
                    .setSha256(sent.sha256() == null ? "" : sent.sha256()).build());
            call.onCompleted();
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "file {0} uploaded over gRPC, but its client left before the answer", sent.fileId());
        }
    }
}
