package org.p2pstorage.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * The REST API as a curl user drives it: plain HTTP and JSON, nothing shared with the server's code.
 * An instance is one client: it has its own address (sent as {@code X-Forwarded-For}, which the test
 * servers trust from the loopback proxy, so that throttling one client never slows another down) and,
 * once signed in, its own bearer token.
 */
public class Api {

    /** The suite server's admin, named in arquillian.xml ({@code -Dp2p.admin=admin}). */
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "violet harbour kettle drums 42";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** An answer: its status, its body as text and its headers. */
    public record Answer(int status, String body, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse(body);
        }

        public JsonArray array() {
            return (JsonArray) parse(body);
        }
    }

    /**
     * What a download gave: status, bytes received and their SHA-256, and whether the transfer broke off
     * (an error while reading, or fewer bytes than the announced Content-Length, as curl reports it).
     */
    public record Received(int status, long length, String sha256, boolean broken, String contentDisposition,
                           String body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient http = HTTP;
    private final String base;
    private final String address;
    private final Supplier<String> token;
    private final String username;

    private Api(String base, String address, Supplier<String> token, String username) {
        this.base = base;
        this.address = address;
        this.token = token;
        this.username = username;
    }

    public Api(int port) {
        this("http://localhost:" + port, newAddress(), () -> null, null);
    }

    /** An anonymous client of the suite server (port offset 100 unless the build says otherwise). */
    public static Api suite() {
        return new Api(Integer.getInteger("it.suite.http", 8180));
    }

    /** A new user of the suite server, registered and signed in when it first sends a request. */
    public static Api suiteUser() {
        return suite().signedUp("user");
    }

    /** The suite server's admin (registered by whichever test needs it first). */
    public static Api suiteAdmin() {
        Api anonymous = suite();
        return anonymous.as(ADMIN, memoized(() -> {
            anonymous.register(ADMIN, ADMIN + "@p2p.test", PASSWORD);
            return anonymous.login(ADMIN, PASSWORD).json().getString("token");
        }));
    }

    /** The server that RestartIT starts and stops. */
    public static Api restart() {
        return new Api(Integer.getInteger("it.restart.http", 8280));
    }

    /** A fresh account with a unique name on this client's server, signed in lazily. */
    public Api signedUp(String prefix) {
        String name = uniqueName(prefix);
        return as(name, memoized(() -> {
            Answer registered = register(name, name + "@p2p.test", PASSWORD);
            if (registered.status() != 201) {
                throw new IllegalStateException("could not register " + name + ": " + registered);
            }
            return login(name, PASSWORD).json().getString("token");
        }));
    }

    /** This client with the given bearer token. */
    public Api withToken(String bearer) {
        return new Api(base, address, () -> bearer, username);
    }

    private Api as(String name, Supplier<String> bearer) {
        return new Api(base, address, bearer, name);
    }

    /** Another client (another address) of the same server, anonymous. */
    public Api otherClient() {
        return new Api(base, newAddress(), () -> null, null);
    }

    public String username() {
        return username;
    }

    public String token() {
        return token.get();
    }

    public String address() {
        return address;
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Answer register(String name, String email, String password) {
        return postJson("/api/auth/register", Json.createObjectBuilder().add("username", name)
                .add("email", email).add("password", password).build());
    }

    public Answer login(String name, String password) {
        return postJson("/api/auth/login", Json.createObjectBuilder().add("username", name)
                .add("password", password).build());
    }

    public Answer postJson(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString())));
    }

    private static String newAddress() {
        int n = CLIENTS.incrementAndGet();
        return "198.18." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    private static Supplier<String> memoized(Supplier<String> supplier) {
        return new Supplier<>() {
            private String value;

            @Override
            public synchronized String get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    public static Path suiteData() {
        return Path.of(System.getProperty("it.servers"), "suite-data");
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.noBody()));
    }

    public Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json)));
    }

    public Answer patch(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** A browser-style multipart upload with the file in the field {@code file}. */
    public Answer upload(String name, RandomContent content, boolean wait) {
        return uploadForm("file", name, content, wait);
    }

    public Answer uploadForm(String field, String name, RandomContent content, boolean wait) {
        String boundary = "p2p-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + content.size() + tail.length;
        HttpRequest.BodyPublisher body = BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(
                () -> new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                        content.stream(), new ByteArrayInputStream(tail))))), length);
        return send(HttpRequest.newBuilder(uri("/api/files/upload?wait=" + wait))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
    }

    /** A raw upload: the body is the file, sent with no length (chunked), as a pipe would send it. */
    public Answer uploadRaw(String name, RandomContent content, boolean wait) {
        String query = name == null ? "" : "name=" + name + "&";
        return send(HttpRequest.newBuilder(uri("/api/files/upload?" + query + "wait=" + wait))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofInputStream(content::stream)));
    }

    /** Downloads and hashes the body as it streams, noting a transfer that breaks off. */
    public Received download(String fileId) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(signed(HttpRequest.newBuilder(uri("/api/files/download/" + fileId)))
                .timeout(Duration.ofMinutes(5)).GET().build(), BodyHandlers.ofInputStream());
        String disposition = response.headers().firstValue("Content-Disposition").orElse(null);
        var digest = Digests.newDigest();
        long length = 0;
        boolean broken = false;
        StringBuilder text = new StringBuilder();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                if (response.statusCode() != 200) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                length += n;
            }
        } catch (IOException e) {
            broken = true;
        }
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        broken |= announced >= 0 && length < announced;
        return new Received(response.statusCode(), length, java.util.HexFormat.of().formatHex(digest.digest()),
                broken, disposition, text.toString());
    }

    /** Any request, as a careless or hostile client sends it (the body and content type as given). */
    public Answer raw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        return send(contentType == null ? request : request.header("Content-Type", contentType));
    }

    /** A request built by the test, sent with this client's address and token. */
    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(signed(request).timeout(Duration.ofMinutes(5)).build(),
                    BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        request.header("X-Forwarded-For", address).header("User-Agent", "p2p-it/1.0");
        String bearer = token.get();
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    /** The chunk files a node holds on disk, by name, with their sizes summed. */
    public static long bytesOnDisk(Path nodeFolder) throws IOException {
        try (var files = Files.list(nodeFolder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bin")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sum();
        }
    }

    public static List<String> chunkFiles(Path nodeFolder) throws IOException {
        try (var files = Files.list(nodeFolder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bin")).sorted().toList();
        }
    }

    /** One copy of one chunk, as the chunk map lists it. */
    public record Copy(int index, int size, String node, String state) {

        /** Where the copy lives on disk, in the suite server's data folder. */
        public Path file(String fileId) {
            return suiteData().resolve("nodes").resolve(node).resolve(String.format("%s_chunk_%05d.bin", fileId, index));
        }
    }

    /** Every copy of every chunk of the file, chunk by chunk. */
    public List<Copy> copies(String fileId) {
        List<Copy> copies = new java.util.ArrayList<>();
        for (JsonObject chunk : get("/api/files/" + fileId).json().getJsonArray("chunkMap").getValuesAs(JsonObject.class)) {
            for (JsonObject copy : chunk.getJsonArray("copies").getValuesAs(JsonObject.class)) {
                copies.add(new Copy(chunk.getInt("index"), chunk.getInt("size"), copy.getString("node"), copy.getString("state")));
            }
        }
        return copies;
    }

    static boolean isNull(JsonObject object, String key) {
        return !object.containsKey(key) || object.get(key) == JsonValue.NULL;
    }
}
