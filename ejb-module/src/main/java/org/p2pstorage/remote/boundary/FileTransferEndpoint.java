package org.p2pstorage.remote.boundary;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.p2pstorage.account.boundary.Accounts;
import org.p2pstorage.account.entity.Caller;
import org.p2pstorage.account.entity.Credentials;
import org.p2pstorage.account.entity.LoginResult;
import org.p2pstorage.catalog.boundary.DownloadPump;
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
import org.p2pstorage.remote.control.FailureStatus;

/**
 * The seed's FileTransferService on the caller's drive: the same boundaries as {@code FilesResource}
 * (Uploads, Downloads, Files), the same ownership rules (another user's file is NOT_FOUND). No thread waits
 * for the simulated network: an upload is answered by a callback when its file settles, a download is a
 * {@link DownloadPump} woken by the managed scheduler and by the call's flow control.
 */
public class FileTransferEndpoint extends FileTransferServiceGrpc.FileTransferServiceImplBase {

    private final RemoteBoundaries boundaries;
    private final Executor workers;
    private final Duration uploadWait;
    private final ScheduledExecutorService scheduler;

    public FileTransferEndpoint(RemoteBoundaries boundaries, Executor workers, Duration uploadWait,
                                ScheduledExecutorService scheduler) {
        this.boundaries = boundaries;
        this.workers = workers;
        this.uploadWait = uploadWait;
        this.scheduler = scheduler;
    }

    @Override
    public StreamObserver<UploadFileRequest> uploadFile(StreamObserver<UploadFileResponse> responses) {
        Caller caller = CallerKey.current();
        return new UploadCall(caller.username(), (ServerCallStreamObserver<UploadFileResponse>) responses,
                boundaries.uploads(), workers, uploadWait);
    }

    @Override
    public void downloadFile(DownloadFileRequest request, StreamObserver<DownloadFileResponse> responses) {
        ServerCallStreamObserver<DownloadFileResponse> call = (ServerCallStreamObserver<DownloadFileResponse>) responses;
        Downloads downloads = boundaries.downloads();
        Download download;
        try {
            download = downloads.download(CallerKey.current().username(), request.getFileId());
        } catch (RuntimeException e) {
            Calls.fail(call, FailureStatus.of(e));
            return;
        }
        call.onNext(DownloadFileResponse.newBuilder().setInfo(FileInfo.newBuilder()
                .setFileId(download.fileId()).setName(download.name()).setSize(download.size())
                .setSha256(download.sha256())).build());
        DownloadCall<DownloadFileResponse> sink = new DownloadCall<>(call,
                data -> DownloadFileResponse.newBuilder().setData(data).build());
        sink.start(new DownloadPump(download, downloads, scheduler, sink));
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
