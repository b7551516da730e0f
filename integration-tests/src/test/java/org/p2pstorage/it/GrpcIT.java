package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.p2pstorage.grpc.v1.DeleteFileRequest;
import org.p2pstorage.grpc.v1.DownloadFileRequest;
import org.p2pstorage.grpc.v1.FileEntry;
import org.p2pstorage.grpc.v1.HealthCheckRequest;
import org.p2pstorage.grpc.v1.HealthCheckResponse;
import org.p2pstorage.grpc.v1.ListFilesRequest;
import org.p2pstorage.grpc.v1.LoginRequest;
import org.p2pstorage.grpc.v1.NetworkTopologyRequest;
import org.p2pstorage.grpc.v1.NetworkTopologyResponse;
import org.p2pstorage.grpc.v1.NodeHealth;
import org.p2pstorage.grpc.v1.Peer;
import org.p2pstorage.grpc.v1.RetrieveSegmentRequest;
import org.p2pstorage.grpc.v1.RetrieveSegmentResponse;
import org.p2pstorage.grpc.v1.StoreSegmentRequest;
import org.p2pstorage.grpc.v1.UploadFileResponse;

/**
 * The gRPC services with a generated Java client, on the suite server: the same accounts, files,
 * ownership and admin rules as REST, and an upload the client abandons leaves nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrpcIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api alice = Api.suiteUser();
    private final List<GrpcClient> clients = new ArrayList<>();
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        made.forEach(id -> alice.delete("/api/files/" + id));
        for (GrpcClient client : clients) {
            client.close();
        }
    }

    private GrpcClient client(Api api) {
        GrpcClient client = GrpcClient.as(api);
        clients.add(client);
        return client;
    }

    private UploadFileResponse upload(GrpcClient client, String name, RandomContent content) throws Exception {
        UploadFileResponse sent = client.upload(name, content.size(), content.stream(), true, -1).get(5, TimeUnit.MINUTES);
        made.add(sent.getFileId());
        return sent;
    }

    @Test
    void fiftyMegabytesGoUpAndComeBackIdentical() throws Exception {
        GrpcClient grpc = client(alice);
        RandomContent content = new RandomContent(52_428_800, 11);

        UploadFileResponse sent = upload(grpc, "big.bin", content);

        assertEquals("AVAILABLE", sent.getStatus());
        assertEquals(content.size(), sent.getSize());
        assertEquals(800, sent.getChunks());
        assertEquals(content.sha256(), sent.getSha256());
        List<FileEntry> listed = grpc.files().listFiles(ListFilesRequest.getDefaultInstance()).getFilesList();
        assertEquals(List.of("big.bin"), listed.stream().map(FileEntry::getName).toList());
        assertEquals(sent.getFileId(), alice.get("/api/files/list").array().getJsonObject(0).getString("fileId"),
                "the file uploaded over gRPC is in the REST list");

        GrpcClient.Downloaded back = grpc.download(sent.getFileId());

        assertEquals("big.bin", back.info().getInfo().getName());
        assertEquals(content.size(), back.length());
        assertEquals(content.sha256(), back.sha256());

        grpc.files().deleteFile(DeleteFileRequest.newBuilder().setFileId(sent.getFileId()).build());
        assertEquals(0, alice.get("/api/files/list").array().size());
    }

    @Test
    void aMissingOrWrongTokenIsUnauthenticatedAndLoginGivesAWorkingOne() throws Exception {
        alice.token();
        GrpcClient anonymous = GrpcClient.withToken(null);
        clients.add(anonymous);
        GrpcClient wrong = GrpcClient.withToken("not-a-session");
        clients.add(wrong);

        assertEquals(Status.Code.UNAUTHENTICATED, code(() -> anonymous.files().listFiles(ListFilesRequest.getDefaultInstance())));
        assertEquals(Status.Code.UNAUTHENTICATED, code(() -> wrong.files().listFiles(ListFilesRequest.getDefaultInstance())));
        assertEquals(Status.Code.UNAUTHENTICATED, code(() -> wrong.storage().healthCheck(HealthCheckRequest.getDefaultInstance())));
        assertEquals(Status.Code.UNAUTHENTICATED, code(() -> anonymous.files().login(LoginRequest.newBuilder()
                .setUsername(alice.username()).setPassword("a wrong password!").build())));

        String token = loginWaitingOutTheThrottle(anonymous, alice.username());
        GrpcClient signedIn = GrpcClient.withToken(token);
        clients.add(signedIn);
        assertEquals(0, signedIn.files().listFiles(ListFilesRequest.getDefaultInstance()).getFilesCount());
        assertEquals(200, alice.withToken(token).get("/api/files/list").status(), "the gRPC session is a REST session too");
    }

    @Test
    void anotherUsersFileIsNotFoundLikeAnUnknownOne() throws Exception {
        UploadFileResponse sent = upload(client(alice), "private.txt", new RandomContent(100_000, 3));
        GrpcClient bob = client(Api.suiteUser());

        assertEquals(Status.Code.NOT_FOUND, code(() -> bob.download(sent.getFileId())));
        assertEquals(Status.Code.NOT_FOUND, code(() -> bob.files().deleteFile(DeleteFileRequest.newBuilder().setFileId(sent.getFileId()).build())));
        assertEquals(Status.Code.NOT_FOUND, code(() -> bob.download("0000000000000000")));
        assertEquals(0, bob.files().listFiles(ListFilesRequest.getDefaultInstance()).getFilesCount());
        assertEquals(Status.Code.INVALID_ARGUMENT, code(() -> bob.upload("", 10, new RandomContent(10, 1).stream(), true, -1).get()));
        assertEquals(200, alice.get("/api/files/" + sent.getFileId()).status(), "still there for its owner");
    }

    @Test
    void segmentCallsAreForAdminsAndReadTheNodesChunks() throws Exception {
        UploadFileResponse sent = upload(client(alice), "segments.bin", new RandomContent(200_000, 5));
        Api.Copy copy = alice.copies(sent.getFileId()).get(1);
        RetrieveSegmentRequest read = RetrieveSegmentRequest.newBuilder().setNodeId(copy.node())
                .setFileId(sent.getFileId()).setChunkIndex(copy.index()).build();

        assertEquals(Status.Code.PERMISSION_DENIED, code(() -> client(alice).storage().retrieveSegment(read)));
        assertEquals(Status.Code.PERMISSION_DENIED, code(() -> client(alice).storage().storeSegment(StoreSegmentRequest.newBuilder()
                .setNodeId(copy.node()).setFileId(sent.getFileId()).setChunkIndex(copy.index()).build())));

        RetrieveSegmentResponse segment = client(Api.suiteAdmin()).storage().retrieveSegment(read);
        byte[] onDisk = java.nio.file.Files.readAllBytes(copy.file(sent.getFileId()));
        assertEquals(copy.size(), segment.getData().size());
        assertEquals(Digests.sha256(new java.io.ByteArrayInputStream(onDisk)), segment.getSha256());
        assertEquals(Status.Code.INVALID_ARGUMENT, code(() -> client(Api.suiteAdmin()).storage().storeSegment(StoreSegmentRequest.newBuilder()
                .setNodeId(copy.node()).setFileId(sent.getFileId()).setChunkIndex(copy.index())
                .setData(com.google.protobuf.ByteString.copyFromUtf8("forged")).setSha256(segment.getSha256()).build())));
    }

    @Test
    void healthAndTopologyAgreeWithRest() {
        GrpcClient grpc = client(alice);

        HealthCheckResponse health = grpc.storage().healthCheck(HealthCheckRequest.getDefaultInstance());
        JsonObject rest = alice.get("/api/network/health").json();
        assertEquals(rest.getInt("total"), health.getTotal());
        assertEquals(rest.getInt("alive"), health.getAlive());
        for (NodeHealth node : health.getNodesList()) {
            assertEquals(rest.getString(node.getNodeId()), node.getHealth(), node.getNodeId());
        }

        NetworkTopologyResponse topology = grpc.storage().getNetworkTopology(NetworkTopologyRequest.getDefaultInstance());
        JsonObject restTopology = alice.get("/api/network/topology").json();
        assertEquals(restTopology.getString("network"), topology.getNetwork());
        assertEquals(restTopology.getString("subnet"), topology.getSubnet());
        List<JsonObject> nodes = restTopology.getJsonArray("nodes").getValuesAs(JsonObject.class);
        assertEquals(nodes.size(), topology.getNodesCount());
        for (int i = 0; i < nodes.size(); i++) {
            Peer peer = topology.getNodes(i);
            assertEquals(nodes.get(i).getString("id"), peer.getNodeId());
            assertEquals(nodes.get(i).getString("address"), peer.getAddress());
            assertEquals(nodes.get(i).getJsonArray("peers").size(), peer.getPeersCount());
        }
    }

    @Test
    void aClientThatCancelsMidUploadLeavesNothing() throws Exception {
        GrpcClient grpc = client(alice);
        long usedBefore = used();

        ExecutionException cancelled = assertThrows(ExecutionException.class, () -> grpc.upload("abandoned.bin", 20_000_000,
                new RandomContent(20_000_000, 13).stream(), true, 5_000_000).get(1, TimeUnit.MINUTES));

        assertEquals(Status.Code.CANCELLED, Status.fromThrowable(cancelled.getCause()).getCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((alice.get("/api/files/list").array().size() > 0 || used() != usedBefore) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, alice.get("/api/files/list").array().size(), "no file left");
        assertEquals(usedBefore, used(), "every byte of room given back");
    }

    /** Logs in as a user would after a wrong password: waiting the second the throttle asks for. */
    private static String loginWaitingOutTheThrottle(GrpcClient client, String username) throws InterruptedException {
        LoginRequest login = LoginRequest.newBuilder().setUsername(username).setPassword(Api.PASSWORD).build();
        for (int attempt = 1; ; attempt++) {
            try {
                return client.files().login(login).getToken();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED || attempt == 30) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private long used() {
        return alice.get("/api/storage/status").json().getJsonObject("total").getJsonNumber("usedBytes").longValue();
    }

    private static Status.Code code(ThrowingCall call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        } catch (ExecutionException e) {
            return Status.fromThrowable(e.getCause()).getCode();
        } catch (Exception e) {
            throw new AssertionError("not a gRPC status: " + e, e);
        }
        throw new AssertionError("the call succeeded");
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}
