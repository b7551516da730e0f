package org.p2pstorage.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
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

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/** The REST API as a curl user drives it: plain HTTP and JSON, nothing shared with the server's code. */
public class Api {

    /** An answer: its status and its body as text. */
    public record Answer(int status, String body) {

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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The suite server (port offset 100 unless the build says otherwise). */
    public static Api suite() {
        return new Api(Integer.getInteger("it.suite.http", 8180));
    }

    /** The server that RestartIT starts and stops. */
    public static Api restart() {
        return new Api(Integer.getInteger("it.restart.http", 8280));
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
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/api/files/download/" + fileId))
                .GET().build(), BodyHandlers.ofInputStream());
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

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(5)).build(),
                    BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    static boolean isNull(JsonObject object, String key) {
        return !object.containsKey(key) || object.get(key) == JsonValue.NULL;
    }
}
