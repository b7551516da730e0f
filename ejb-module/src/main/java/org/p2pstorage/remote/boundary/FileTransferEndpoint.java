package org.p2pstorage.remote.boundary;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.p2pstorage.account.boundary.Accounts;
import org.p2pstorage.account.entity.Caller;
import org.p2pstorage.account.entity.Credentials;
import org.p2pstorage.account.entity.LoginResult;
import org.p2pstorage.catalog.boundary.Downloads;
import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.grpc.v1.DeleteFileRequest;
import org.p2pstorage.grpc.v1.DeleteFileResponse;
import org.p2pstorage.grpc.v1.DownloadFileRequest;
import org.p2pstorage.grpc.v1.DownloadFileResponse;
import org.p2pstorage.grpc.v1.FileEntry;
import org.p2pstorage.grpc.v1.FileInfo;
import org.p2pstorage.grpc.v1.FileTransferServiceGrpc;
import org.p2pstorage.grpc.v1.ListFilesRequest;
import org.p2pstorage.grpc.v1.ListFilesResponse;
import org.p2pstorage.grpc.v1.LoginRequest;
import org.p2pstorage.grpc.v1.LoginResponse;
import org.p2pstorage.grpc.v1.UploadFileRequest;
import org.p2pstorage.grpc.v1.UploadFileResponse;
import org.p2pstorage.remote.control.Calls;
import org.p2pstorage.remote.control.CallerKey;
import org.p2pstorage.remote.control.DownloadStream;
import org.p2pstorage.remote.control.FailureStatus;
import org.p2pstorage.remote.control.UploadReceiver;

/**
 * The seed's FileTransferService on the caller's drive: the same boundaries as {@code FilesResource}
 * (Uploads, Downloads, Files), the same ownership rules (another user's file is NOT_FOUND). Transfers
 * block on the network, so they run on the worker threads, never on gRPC's transport threads.
 */
public class FileTransferEndpoint extends FileTransferServiceGrpc.FileTransferServiceImplBase {

    private static final Logger LOG = Logger.getLogger(FileTransferEndpoint.class.getName());
    /** Bytes per download message: one chunk at the default chunk size. */
    private static final int MESSAGE_BYTES = 64 * 1024;

    private final RemoteBoundaries boundaries;
    private final Executor workers;
    private final Duration uploadWait;

    public FileTransferEndpoint(RemoteBoundaries boundaries, Executor workers, Duration uploadWait) {
        this.boundaries = boundaries;
        this.workers = workers;
        this.uploadWait = uploadWait;
    }

    @Override
    public StreamObserver<UploadFileRequest> uploadFile(StreamObserver<UploadFileResponse> responses) {
        Caller caller = CallerKey.current();
        return new UploadReceiver(caller.username(), (ServerCallStreamObserver<UploadFileResponse>) responses,
                boundaries.uploads(), workers, uploadWait);
    }

    @Override
    public void downloadFile(DownloadFileRequest request, StreamObserver<DownloadFileResponse> responses) {
        String owner = CallerKey.current().username();
        ServerCallStreamObserver<DownloadFileResponse> call = (ServerCallStreamObserver<DownloadFileResponse>) responses;
        DownloadStream<DownloadFileResponse> out = new DownloadStream<>(call, MESSAGE_BYTES,
                data -> DownloadFileResponse.newBuilder().setData(data).build());
        workers.execute(() -> {
            Downloads downloads = boundaries.downloads();
            try {
                Download download = downloads.download(owner, request.getFileId());
                call.onNext(DownloadFileResponse.newBuilder().setInfo(FileInfo.newBuilder()
                        .setFileId(download.fileId()).setName(download.name()).setSize(download.size())
                        .setSha256(download.sha256())).build());
                downloads.write(download, out);
                out.flush();
                call.onCompleted();
            } catch (IOException e) {
                if (out.cancelled()) {
                    LOG.log(Level.INFO, "download of {0} cancelled by the client", request.getFileId());
                } else {
                    Calls.fail(call, Status.DATA_LOSS.withDescription(e.getMessage()).asRuntimeException());
                }
            } catch (RuntimeException e) {
                Calls.fail(call, FailureStatus.of(e));
            }
        });
    }

    @Override
    public void listFiles(ListFilesRequest request, StreamObserver<ListFilesResponse> responses) {
        Calls.unary(responses, () -> {
            ListFilesResponse.Builder list = ListFilesResponse.newBuilder();
            for (FileSummary file : boundaries.files().list(CallerKey.current().username())) {
                list.addFiles(FileEntry.newBuilder().setFileId(file.fileId()).setName(file.name())
                        .setSize(file.size()).setChunks(file.chunks()).setStatus(file.status())
                        .setCreatedAt(String.valueOf(file.createdAt()))
                        .setFolderId(file.folderId() == null ? "" : file.folderId()));
            }
            return list.build();
        });
    }

    @Override
    public void deleteFile(DeleteFileRequest request, StreamObserver<DeleteFileResponse> responses) {
        Calls.unary(responses, () -> {
            Files files = boundaries.files();
            files.delete(CallerKey.current().username(), request.getFileId());
            return DeleteFileResponse.getDefaultInstance();
        });
    }

    @Override
    public void login(LoginRequest request, StreamObserver<LoginResponse> responses) {
        Calls.unary(responses, () -> {
            Accounts accounts = boundaries.accounts();
            LoginResult result = accounts.login(new Credentials(request.getUsername(), request.getPassword(), null),
                    Calls.clientAddress(), "grpc");
            if (result.otpRequired()) {
                throw Failure.unauthorized("this account has two-step verification: sign in through the API or the portal");
            }
            return LoginResponse.newBuilder().setToken(result.token())
                    .setExpiresAt(String.valueOf(result.expiresAt())).build();
        });
    }
}
