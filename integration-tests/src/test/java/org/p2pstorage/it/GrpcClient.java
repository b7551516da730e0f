package org.p2pstorage.it;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.google.protobuf.ByteString;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import org.p2pstorage.grpc.v1.DownloadFileRequest;
import org.p2pstorage.grpc.v1.DownloadFileResponse;
import org.p2pstorage.grpc.v1.FileStorageServiceGrpc;
import org.p2pstorage.grpc.v1.FileTransferServiceGrpc;
import org.p2pstorage.grpc.v1.UploadFileRequest;
import org.p2pstorage.grpc.v1.UploadFileResponse;
import org.p2pstorage.grpc.v1.UploadHeader;

/**
 * A gRPC client of the suite server as a user would write one: the generated stubs, a plaintext channel to
 * 9090 + the suite's port offset, the session token as {@code authorization: Bearer …} metadata.
 */
final class GrpcClient implements AutoCloseable {

    static final int MESSAGE_BYTES = 64 * 1024;

    private final ManagedChannel channel;
    private final CallCredentials credentials;

    private GrpcClient(String token) {
        this.channel = NettyChannelBuilder.forAddress("localhost", port()).usePlaintext().build();
        this.credentials = token == null ? null : bearer("Bearer " + token);
    }

    static GrpcClient as(Api api) {
        return new GrpcClient(api.token());
    }

    static GrpcClient withToken(String token) {
        return new GrpcClient(token);
    }

    static int port() {
        return Integer.getInteger("it.suite.grpc", 9090 + Integer.getInteger("it.suite.offset", 100));
    }

    /** Sends {@code authorization} exactly as given, so tests can send a wrong one too. */
    static CallCredentials bearer(String value) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, java.util.concurrent.Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), value);
                applier.apply(headers);
            }
        };
    }

    FileTransferServiceGrpc.FileTransferServiceBlockingStub files() {
        FileTransferServiceGrpc.FileTransferServiceBlockingStub stub = FileTransferServiceGrpc.newBlockingStub(channel);
        return credentials == null ? stub : stub.withCallCredentials(credentials);
    }

    FileStorageServiceGrpc.FileStorageServiceBlockingStub storage() {
        FileStorageServiceGrpc.FileStorageServiceBlockingStub stub = FileStorageServiceGrpc.newBlockingStub(channel);
        return credentials == null ? stub : stub.withCallCredentials(credentials);
    }

    /**
     * Streams the content in 64 KiB messages, each sent when the transport is ready (flow control), and
     * returns the answer; {@code cancelAfter} bytes (or -1: never) cancels the call after that many.
     */
    CompletableFuture<UploadFileResponse> upload(String name, long size, InputStream content, boolean wait, long cancelAfter) {
        CompletableFuture<UploadFileResponse> answer = new CompletableFuture<>();
        CompletableFuture<ClientCallStreamObserver<UploadFileRequest>> started = new CompletableFuture<>();
        FileTransferServiceGrpc.FileTransferServiceStub stub = FileTransferServiceGrpc.newStub(channel).withCallCredentials(credentials);
        stub.uploadFile(new ClientResponseObserver<UploadFileRequest, UploadFileResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<UploadFileRequest> requests) {
                started.complete(requests);
            }

            @Override
            public void onNext(UploadFileResponse value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                answer.complete(null);
            }
        });
        ClientCallStreamObserver<UploadFileRequest> requests = started.join();
        requests.onNext(UploadFileRequest.newBuilder().setHeader(UploadHeader.newBuilder().setName(name).setSize(size).setWait(wait)).build());
        byte[] buffer = new byte[MESSAGE_BYTES];
        long sent = 0;
        try (content) {
            for (int n = content.readNBytes(buffer, 0, buffer.length); n > 0; n = content.readNBytes(buffer, 0, buffer.length)) {
                while (!requests.isReady() && !answer.isDone()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                if (answer.isDone()) {
                    return answer;
                }
                requests.onNext(UploadFileRequest.newBuilder().setData(ByteString.copyFrom(buffer, 0, n)).build());
                sent += n;
                if (cancelAfter >= 0 && sent >= cancelAfter) {
                    requests.cancel("the test cancels the upload", null);
                    return answer;
                }
            }
        } catch (IOException e) {
            requests.onError(e);
            return answer;
        }
        requests.onCompleted();
        return answer;
    }

    /** Downloads the file: its info message, then the SHA-256 and length of the data messages. */
    record Downloaded(DownloadFileResponse info, String sha256, long length) {
    }

    Downloaded download(String fileId) {
        Iterator<DownloadFileResponse> parts = files().downloadFile(DownloadFileRequest.newBuilder().setFileId(fileId).build());
        DownloadFileResponse info = parts.next();
        MessageDigest digest = Digests.newDigest();
        long length = 0;
        while (parts.hasNext()) {
            ByteString data = parts.next().getData();
            data.asReadOnlyByteBufferList().forEach(digest::update);
            length += data.size();
        }
        return new Downloaded(info, java.util.HexFormat.of().formatHex(digest.digest()), length);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
