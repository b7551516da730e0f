package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.p2pstorage.it.ServerReflection.Version;

/**
 * The gRPC services as grpcurl or Postman reach them, on the suite server: found through server reflection
 * (v1, and v1alpha that older clients ask), called with JSON turned into dynamic messages, without a single
 * generated class of p2p_service.proto. The comments give the grpcurl command each call stands for
 * ({@code g} is the README's {@code grpcurl -plaintext -H "authorization: Bearer $token"}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrpcReflectionIT {

    private static final String STORAGE = "p2pstorage.v1.FileStorageService";
    private static final String TRANSFER = "p2pstorage.v1.FileTransferService";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api alice = Api.suiteUser();
    private final List<ReflectionClient> clients = new ArrayList<>();
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        made.forEach(id -> alice.delete("/api/files/" + id));
        for (ReflectionClient client : clients) {
            client.close();
        }
    }

    /** {@code grpcurl -plaintext [-H ...] localhost:9190}, asking reflection under the given version. */
    private ReflectionClient grpcurl(Version version, String... headers) {
        ReflectionClient client = ReflectionClient.plaintext(GrpcClient.port(), version, headers);
        clients.add(client);
        return client;
    }

    private static String bearer(Api api) {
        return "authorization: Bearer " + api.token();
    }

    @Test
    void bothReflectionVersionsListTheServicesAndTheirMethodsWithoutAToken() {
        for (Version version : Version.values()) {
            ReflectionClient grpcurl = grpcurl(version);

            List<String> services = grpcurl.list();                         // grpcurl -plaintext localhost:9190 list

            assertTrue(services.containsAll(List.of(STORAGE, TRANSFER,
                    "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection")), version + ": " + services);
            assertEquals(List.of(STORAGE + ".StoreSegment", STORAGE + ".RetrieveSegment", STORAGE + ".HealthCheck",
                    STORAGE + ".GetNetworkTopology"), grpcurl.list(STORAGE), version.name()); // ... list <service>
            assertEquals(List.of(TRANSFER + ".UploadFile", TRANSFER + ".DownloadFile", TRANSFER + ".ListFiles",
                    TRANSFER + ".DeleteFile", TRANSFER + ".Login"), grpcurl.list(TRANSFER), version.name());
        }
    }

    @Test
    void healthCheckAndTopologyCalledWithJsonAgreeWithRest() {
        for (Version version : Version.values()) {
            ReflectionClient grpcurl = grpcurl(version, bearer(alice));

            JsonObject health = grpcurl.callOne(STORAGE + "/HealthCheck", "{}");   // g localhost:9190 ...HealthCheck

            JsonObject rest = alice.get("/api/network/health").json();
            assertEquals(rest.getInt("total"), health.getInt("total"), version.name());
            assertEquals(rest.getInt("alive"), health.getInt("alive"), version.name());
            assertEquals(rest.getInt("total") - rest.getInt("alive"), health.getInt("dead"), version.name());
            assertEquals(rest.getInt("total"), health.getJsonArray("nodes").size(), version.name());
            for (JsonObject node : health.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
                assertEquals(rest.getString(node.getString("nodeId")), node.getString("health"), node.toString());
            }
        }
        ReflectionClient grpcurl = grpcurl(Version.V1, bearer(alice));

        JsonObject topology = grpcurl.callOne(STORAGE + "/GetNetworkTopology", "{}");   // g ... GetNetworkTopology

        JsonObject rest = alice.get("/api/network/topology").json();
        assertEquals(rest.getString("network"), topology.getString("network"));
        assertEquals(rest.getString("subnet"), topology.getString("subnet"));
        List<JsonObject> restNodes = rest.getJsonArray("nodes").getValuesAs(JsonObject.class);
        List<JsonObject> nodes = topology.getJsonArray("nodes").getValuesAs(JsonObject.class);
        assertEquals(restNodes.size(), nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            assertEquals(restNodes.get(i).getString("id"), nodes.get(i).getString("nodeId"));
            assertEquals(restNodes.get(i).getString("address"), nodes.get(i).getString("address"));
            assertEquals(strings(restNodes.get(i).getJsonArray("peers")), strings(nodes.get(i).getJsonArray("peers")));
        }
    }

    @Test
    void listFilesShowsARestUploadAndDownloadFileStreamsItsBytesBack() throws Exception {
        RandomContent content = new RandomContent(3 * 1024 * 1024 + 12_345, 17);
        Api.Answer uploaded = alice.upload("through-rest.bin", content, true);
        assertEquals(201, uploaded.status(), uploaded.body());
        String fileId = uploaded.json().getString("fileId");
        made.add(fileId);
        ReflectionClient grpcurl = grpcurl(Version.V1, bearer(alice));

        JsonArray files = grpcurl.callOne(TRANSFER + "/ListFiles", "{}").getJsonArray("files");   // g ... ListFiles

        assertEquals(1, files.size(), files.toString());
        JsonObject entry = files.getJsonObject(0);
        assertEquals(fileId, entry.getString("fileId"));
        assertEquals("through-rest.bin", entry.getString("name"));
        assertEquals(String.valueOf(content.size()), entry.getString("size"), "proto3 JSON writes an int64 as a string");
        assertEquals("AVAILABLE", entry.getString("status"));

        List<JsonObject> parts = grpcurl.call(TRANSFER + "/DownloadFile",   // g -d '{"fileId":"…"}' ... DownloadFile
                "{\"fileId\":\"" + fileId + "\"}");

        JsonObject info = parts.get(0).getJsonObject("info");
        assertEquals(fileId, info.getString("fileId"));
        assertEquals("through-rest.bin", info.getString("name"));
        assertEquals(String.valueOf(content.size()), info.getString("size"));
        assertEquals(content.sha256(), info.getString("sha256"));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (JsonObject part : parts.subList(1, parts.size())) {
            received.write(Base64.getDecoder().decode(part.getString("data")));
        }
        assertArrayEquals(content.bytes(), received.toByteArray(), "the bytes uploaded through REST");
    }

    @Test
    void theReadmesUploadDeleteCommandsWorkAsWritten() {
        ReflectionClient grpcurl = grpcurl(Version.V1, bearer(alice));

        JsonObject sent = grpcurl.callOne(TRANSFER + "/UploadFile",   // g -d '{"header":…} {"data":…}' ... UploadFile
                "{\"header\":{\"name\":\"hello.txt\",\"size\":6,\"wait\":true}}", "{\"data\":\"aGVsbG8K\"}");

        made.add(sent.getString("fileId"));
        assertEquals("AVAILABLE", sent.getString("status"));
        assertEquals("6", sent.getString("size"));
        assertEquals("hello\n", alice.get("/api/files/download/" + sent.getString("fileId")).body());

        grpcurl.callOne(TRANSFER + "/DeleteFile", "{\"fileId\":\"" + sent.getString("fileId") + "\"}");   // g -d ... DeleteFile

        assertEquals(0, alice.get("/api/files/list").array().size());
    }

    @Test
    void withoutTheTokenItIsUnauthenticatedAndAnUnknownFileIsNotFound() {
        ReflectionClient anonymous = grpcurl(Version.V1);
        ReflectionClient stale = grpcurl(Version.V1, "authorization: Bearer not-a-session");
        ReflectionClient signedIn = grpcurl(Version.V1, bearer(alice));

        Status noToken = status(() -> anonymous.call(TRANSFER + "/ListFiles", "{}"));   // grpcurl without -H
        Status wrongToken = status(() -> stale.call(STORAGE + "/HealthCheck", "{}"));
        Status unknown = status(() -> signedIn.call(TRANSFER + "/DownloadFile", "{\"fileId\":\"0000000000000000\"}"));

        assertEquals(Status.Code.UNAUTHENTICATED, noToken.getCode());
        assertEquals("no session: send the metadata 'authorization: Bearer <token>' of POST /api/auth/login",
                noToken.getDescription());
        assertEquals(Status.Code.UNAUTHENTICATED, wrongToken.getCode());
        assertEquals("the token names no live session: log in again", wrongToken.getDescription());
        assertEquals(Status.Code.NOT_FOUND, unknown.getCode());
        assertEquals("no file with id 0000000000000000", unknown.getDescription());
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Status status(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus();
    }
}
