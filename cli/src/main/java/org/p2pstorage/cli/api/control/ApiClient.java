package org.p2pstorage.cli.api.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import org.p2pstorage.cli.api.entity.ApiException;

/**
 * The REST API over {@link HttpClient}: JSON in and out, the bearer token on every request, and file
 * bodies streamed from and to disk (constant memory for any size). A failed request becomes an
 * {@link ApiException} carrying the server's message.
 */
public class ApiClient {

    private static final int PAGE = 1000;

    private static final String USER_AGENT = "p2p-cli/1.0";
    private final HttpClient http;
    private final String base;
    private final String token;

    public ApiClient(String base, String token) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.base = base;
        this.token = token;
    }

    public String base() {
        return base;
    }

    public boolean signedIn() {
        return token != null;
    }

    /** The same server with another token (null: anonymous). */
    public ApiClient withToken(String bearer) {
        return new ApiClient(base, bearer);
    }

    public JsonObject getObject(String path) throws InterruptedException {
        return (JsonObject) get(path);
    }

    public JsonArray getArray(String path) throws InterruptedException {
        return (JsonArray) get(path);
    }

    /** Every line of a paged listing ({@code ?offset=&limit=}), read a thousand at a time. */
    public JsonArray getAllPages(String path) throws InterruptedException {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (int offset = 0; ; offset += PAGE) {
            JsonArray page = getArray(path + (path.contains("?") ? "&" : "?") + "offset=" + offset + "&limit=" + PAGE);
            page.forEach(all::add);
            if (page.size() < PAGE) {
                return all.build();
            }
        }
    }

    public JsonStructure get(String path) throws InterruptedException {
        return json(send(request(path).GET()));
    }

    public JsonStructure post(String path, JsonObject body) throws InterruptedException {
        return json(send(request(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString()))));
    }

    public JsonStructure post(String path) throws InterruptedException {
        return json(send(request(path).POST(BodyPublishers.noBody())));
    }

    public JsonStructure put(String path, JsonObject body) throws InterruptedException {
        return json(send(request(path).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body.toString()))));
    }

    public JsonStructure delete(String path) throws InterruptedException {
        return json(send(request(path).DELETE()));
    }

    /**
     * Starts a raw upload of the file, streamed from disk with its length; the answer (202 and the file's
     * id once every chunk is sent) arrives later, so the caller can follow the transfer meanwhile.
     */
    public CompletableFuture<HttpResponse<String>> uploadAsync(Path file, String name) throws IOException {
        HttpRequest request = request("/api/files/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofFile(file)).build();
        return http.sendAsync(request, BodyHandlers.ofString());
    }

    /** The answer of an upload: the file's JSON, or the server's error. */
    public JsonObject uploaded(HttpResponse<String> response) {
        return (JsonObject) json(response);
    }

    /** Opens a download; the caller reads (and closes) the body. Errors are answered before any byte. */
    public HttpResponse<InputStream> download(String fileId) throws InterruptedException {
        HttpRequest request = request("/api/files/download/" + encode(fileId)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
            if (response.statusCode() >= 300) {
                try (InputStream body = response.body()) {
                    throw failure(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return response;
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base + path));
        } catch (IllegalArgumentException e) {
            throw new ApiException(0, "BAD_SERVER", "not a server URL: " + base);
        }
        builder.header("User-Agent", USER_AGENT).header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        try {
            return http.send(request.timeout(Duration.ofMinutes(10)).build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private ApiException unreachable(IOException e) {
        String why = e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                ? "connection refused or timed out" : String.valueOf(e.getMessage());
        return new ApiException(0, "UNREACHABLE", "cannot reach the server at " + base + " (" + why
                + "); is it running? (set --server or P2P_SERVER)");
    }

    private static JsonStructure json(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw failure(response.statusCode(), response.body());
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return parse(body);
    }

    static ApiException failure(int status, String body) {
        try {
            JsonStructure parsed = parse(body);
            if (parsed instanceof JsonObject error && error.containsKey("message")) {
                return new ApiException(status, error.getString("error", "HTTP_" + status), error.getString("message"));
            }
        } catch (RuntimeException notJson) {
            // fall through: a proxy's or container's page
        }
        String reason = switch (status) {
            case 401 -> "not logged in, or the session has expired: log in again";
            case 403 -> "not allowed";
            case 404 -> "not found";
            default -> "the server answered " + status;
        };
        return new ApiException(status, "HTTP_" + status, reason);
    }

    /**
     * A field that may be absent or JSON {@code null} (the server leaves out what is not known, such as a
     * transferring file's health, and an older server lacks newer fields): its text, else null.
     */
    public static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonString string ? string.getString() : null;
    }

    /** A number that may be absent or {@code null}: its value, else {@code otherwise}. */
    public static long number(JsonObject object, String key, long otherwise) {
        JsonValue value = object.get(key);
        return value instanceof JsonNumber number ? number.longValue() : otherwise;
    }

    public static JsonStructure parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
