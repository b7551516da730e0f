package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.failure.boundary.FailureMapper;
import org.p2pstorage.failure.entity.Failure;

/**
 * {@code GET /api/files/download/{fileId}} (and {@code /drive/download/{fileId}} for the portal's
 * buttons, signed in by the portal's session): the bytes of the caller's file, with {@code Content-Length},
 * {@code Content-Disposition} and {@code Repr-Digest}. It is a servlet of its own (its path is more specific
 * than the REST servlet's {@code /api/*}) because a throttled download must not hold a thread while its
 * chunks cross the simulated links: the request goes asynchronous, a {@link ChunkPump} writes each chunk
 * when the link model says it arrives (woken by the managed scheduler) and only while the client can take
 * it (woken by the container's non-blocking output). Errors before the first byte are the API's JSON.
 */
@WebServlet(urlPatterns = {"/api/files/download/*", DownloadServlet.PORTAL_PATH + "*"}, asyncSupported = true)
public class DownloadServlet extends HttpServlet {

    /** Where the portal's download buttons send the browser: signed in by the portal's session, not a token. */
    static final String PORTAL_PATH = "/drive/download/";

    private static final Jsonb JSON = JsonbBuilder.create();

    @EJB
    Downloads downloads;

    @Inject
    Client client;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Download download;
        try {
            String username = client.caller().map(c -> c.username()).orElseThrow(() -> Failure.unauthorized(
                    client.refusal().orElse("log in first: send Authorization: Bearer <token> from POST /api/auth/login")));
            String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceAll("^/+|/+$", "");
            if (path.isEmpty() || path.contains("/")) {
                throw Failure.notFound("name the file: /api/files/download/<fileId>");
            }
            download = downloads.download(username, path);
        } catch (Failure failure) {
            refuse(response, failure);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(download.size());
        response.setHeader("Content-Disposition", FilesResource.attachment(download.name()));
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                .encodeToString(HexFormat.of().parseHex(download.sha256())) + ":");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        new ChunkPump(download, downloads, scheduler, async).start();
    }

    private static void refuse(HttpServletResponse response, Failure failure) throws IOException {
        Response answer = new FailureMapper().toResponse(failure);
        response.setStatus(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(answer.getEntity()));
    }
}
