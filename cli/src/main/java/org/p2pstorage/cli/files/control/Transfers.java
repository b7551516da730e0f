package org.p2pstorage.cli.files.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.api.entity.ApiException;
import org.p2pstorage.cli.terminal.control.ProgressBar;

/**
 * Uploads and downloads with their progress, both streamed from and to disk.
 * <p>
 * An upload's request returns only once every chunk has been sent through the (throttled) network, so
 * the transfer is followed beside it: the new file appears in the list as TRANSFERRING as soon as the
 * server opens it, and from then on {@code /api/transfers/{id}} tells the chunks acknowledged and the
 * link model's ETA. The upload is done when the file is AVAILABLE (or failed when it is FAILED).
 */
public class Transfers {

    static final long POLL_MS = 200;
    private final ApiClient api;

    public Transfers(ApiClient api) {
        this.api = api;
    }

    /** Uploads the file under its own name; the listener sees every new state. Answers the file's metadata. */
    public JsonObject upload(Path file, Consumer<ProgressBar.State> listener) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        Set<String> before = ids(api.getArray("/api/files/list"));
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> sending = api.uploadAsync(file, name);
        String fileId = null;
        try {
            while (true) {
                if (fileId == null) {
                    if (sending.isDone()) {
                        fileId = api.uploaded(answer(sending)).getString("fileId");
                    } else {
                        fileId = newFile(api.getArray("/api/files/list"), before, name);
                    }
                    if (fileId == null) {
                        listener.accept(new ProgressBar.State(0, chunks(size), 0, size, 0, 0));
                    }
                }
                if (fileId != null) {
                    JsonObject progress = api.getObject("/api/transfers/" + ApiClient.encode(fileId));
                    listener.accept(state(progress, size, started));
                    String status = progress.getString("status", "TRANSFERRING");
                    if (sending.isDone()) {
                        api.uploaded(answer(sending));
                        if (!"TRANSFERRING".equals(status)) {
                            JsonObject details = api.getObject("/api/files/" + ApiClient.encode(fileId));
                            if ("FAILED".equals(status)) {
                                throw new ApiException(502, "TRANSFER_FAILED", "the upload of " + name + " failed: "
                                        + details.getString("failure", "unknown reason"));
                            }
                            return details;
                        }
                    }
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            sending.cancel(true);
            throw e;
        }
    }

    private static HttpResponse<String> answer(CompletableFuture<HttpResponse<String>> sending) throws InterruptedException {
        try {
            return sending.get(0, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ApiException(0, "UNREACHABLE", "the upload broke off: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static long chunks(long size) {
        return (size + 65535) / 65536;
    }

    /**
     * A progress bar's state from {@code /api/transfers/{id}}. With replicas every copy of every chunk
     * crosses the network, so the bar counts copies, and the bytes, percent and ETA are the server's
     * network bytes (every copy); an older server counts chunks.
     */
    static ProgressBar.State state(JsonObject progress, long size, long startedNanos) {
        long done = progress.getJsonNumber("bytesAcknowledged").longValue();
        long total = progress.getJsonNumber("bytesTotal").longValue();
        if (total < 0) {
            total = size * Math.max(1, progress.getInt("replicas", 1));
        }
        double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
        double rate = done / seconds;
        // The server's ETA covers what is booked on the links so far (a short horizon); the rest goes at the
        // rate measured so far.
        long eta = progress.getJsonNumber("etaMs").longValue();
        if (rate > 0 && done < total) {
            eta = Math.max(eta, Math.round((total - done) / rate * 1000));
        }
        if (progress.containsKey("copiesTotal")) {
            return new ProgressBar.State(progress.getInt("copiesAcknowledged"), Math.max(0, progress.getInt("copiesTotal")),
                    done, total, rate, eta, "copies");
        }
        return new ProgressBar.State(progress.getInt("chunksAcknowledged"), Math.max(0, progress.getInt("chunksTotal")),
                done, total, rate, eta);
    }

    static Set<String> ids(JsonArray files) {
        return files.getValuesAs(JsonObject.class).stream().map(f -> f.getString("fileId")).collect(Collectors.toSet());
    }

    static String newFile(JsonArray files, Set<String> before, String name) {
        return files.getValuesAs(JsonObject.class).stream()
                .filter(f -> !before.contains(f.getString("fileId")) && name.equals(f.getString("name", null)))
                .map(f -> f.getString("fileId")).findFirst().orElse(null);
    }

    /** A file of the caller's by id, else the newest with that name. */
    public JsonObject resolve(String idOrName) throws InterruptedException {
        JsonArray files = api.getAllPages("/api/files/list");
        for (JsonValue value : files) {
            JsonObject file = value.asJsonObject();
            if (idOrName.equals(file.getString("fileId"))) {
                return file;
            }
        }
        for (JsonValue value : files) {
            JsonObject file = value.asJsonObject();
            if (idOrName.equals(file.getString("name", null))) {
                return file;
            }
        }
        throw new ApiException(404, "NOT_FOUND", "no file with the id or name '" + idOrName + "'");
    }

    /**
     * Downloads a file to {@code target} (a file, or a folder to put it in under its name): streamed into a
     * temporary file beside it, checked against the server's SHA-256, then moved into place.
     */
    public Path download(JsonObject file, Path target, Consumer<ProgressBar.State> listener)
            throws IOException, InterruptedException {
        String fileId = file.getString("fileId");
        HttpResponse<InputStream> response = api.download(fileId);
        String name = fileName(response.headers().firstValue("Content-Disposition").orElse(null), file.getString("name", fileId));
        Path output = target == null ? Path.of(name) : Files.isDirectory(target) ? target.resolve(name) : target;
        Path folder = output.toAbsolutePath().getParent();
        long total = response.headers().firstValueAsLong("Content-Length").orElse(file.getJsonNumber("size").longValue());
        long chunkTotal = file.getInt("chunks", (int) chunks(total));
        long chunkSize = chunkTotal == 0 ? 65536 : Math.max(1, (total + chunkTotal - 1) / chunkTotal);
        MessageDigest digest = sha256();
        Path partial = Files.createTempFile(folder, "." + output.getFileName(), ".part");
        long started = System.nanoTime();
        long received = 0;
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[65536];
            long lastUpdate = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                received += n;
                long now = System.nanoTime();
                if (now - lastUpdate > POLL_MS * 1_000_000) {
                    listener.accept(downloadState(received, total, chunkSize, chunkTotal, started, now));
                    lastUpdate = now;
                }
            }
            listener.accept(downloadState(received, total, chunkSize, chunkTotal, started, System.nanoTime()));
            if (received != total) {
                throw new ApiException(502, "BROKEN", "the download broke off after " + received + " of " + total + " bytes");
            }
            String expected = file.getString("sha256", null);
            String actual = HexFormat.of().formatHex(digest.digest());
            String announced = reprDigest(response.headers().firstValue("Repr-Digest").orElse(null));
            if ((expected != null && !expected.equalsIgnoreCase(actual)) || (announced != null && !announced.equals(actual))) {
                throw new ApiException(502, "DAMAGED", "the downloaded bytes do not match the file's SHA-256");
            }
            out.close();
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return output;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static ProgressBar.State downloadState(long received, long total, long chunkSize, long chunkTotal,
                                                   long started, long now) {
        double seconds = Math.max(0.001, (now - started) / 1e9);
        double rate = received / seconds;
        long eta = rate > 0 ? Math.round((total - received) / rate * 1000) : 0;
        long chunksDone = received >= total ? chunkTotal : received / chunkSize;
        return new ProgressBar.State(chunksDone, chunkTotal, received, total, rate, eta);
    }

    /** The name from {@code Content-Disposition} (the UTF-8 form first), reduced to a bare file name. */
    static String fileName(String disposition, String fallback) {
        String name = null;
        if (disposition != null) {
            int star = disposition.indexOf("filename*=UTF-8''");
            if (star >= 0) {
                String encoded = disposition.substring(star + "filename*=UTF-8''".length()).split(";")[0].strip();
                name = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } else {
                int plain = disposition.indexOf("filename=\"");
                if (plain >= 0) {
                    int end = disposition.indexOf('"', plain + 10);
                    name = disposition.substring(plain + 10, end > 0 ? end : disposition.length());
                }
            }
        }
        if (name == null || name.isBlank()) {
            name = fallback;
        }
        String bare = Path.of(name.replace('\\', '/')).getFileName().toString();
        return bare.equals("..") || bare.equals(".") || bare.isBlank() ? "download.bin" : bare;
    }

    private static String reprDigest(String header) {
        if (header == null || !header.startsWith("sha-256=:")) {
            return null;
        }
        String b64 = header.substring("sha-256=:".length(), header.length() - 1);
        return HexFormat.of().formatHex(Base64.getDecoder().decode(b64));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
