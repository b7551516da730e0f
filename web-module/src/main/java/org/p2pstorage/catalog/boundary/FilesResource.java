package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.entity.FileDetails;
import org.p2pstorage.catalog.entity.FileListing;
import org.p2pstorage.catalog.entity.FileName;
import org.p2pstorage.catalog.entity.FilePage;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.failure.boundary.ErrorResponse;
import org.p2pstorage.failure.entity.Failure;

/**
 * The files API: upload (multipart field {@code file}, or a raw body with {@code ?name=}), list,
 * metadata with the chunk map, rename, move and delete, each on the caller's own files only. The download
 * is {@link DownloadServlet}, which waits for the network without a thread.
 */
@RequestScoped
@Path("files")
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {

    private static final Logger LOG = Logger.getLogger(FilesResource.class.getName());

    static final String TOTAL_COUNT = "X-Total-Count";
    static final int MAX_CHUNKS = 4096;

    @EJB
    Files files;

    @EJB
    Uploads uploads;


    @Inject
    @ConfigProperty(name = "p2p.upload.wait.seconds", defaultValue = "600")
    int waitSeconds;

    @Context
    HttpServletRequest request;

    @Inject
    Client client;

    /** Multipart upload, as a browser form or {@code curl -F file=@name} sends it. */
    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public void upload(@QueryParam("wait") @DefaultValue("false") boolean wait, @Suspended AsyncResponse answer)
            throws IOException {
        Part part = filePart();
        try (InputStream in = part.getInputStream()) {
            answer(() -> uploads.upload(client.username(), part.getSubmittedFileName(), in, part.getSize()), wait, answer);
        } finally {
            part.delete();
        }
    }

    /** Raw upload: the body is the file, streamed straight into chunks ({@code curl --data-binary @f}). */
    @POST
    @Path("upload")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public void uploadRaw(InputStream body, @QueryParam("name") String name,
                          @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long length,
                          @QueryParam("wait") @DefaultValue("false") boolean wait, @Suspended AsyncResponse answer) {
        if (name == null || name.isBlank()) {
            throw Failure.invalid("a raw upload needs the file name as ?name=");
        }
        answer(() -> uploads.upload(client.username(), name, body, length), wait, answer);
    }

    private Part filePart() throws IOException {
        try {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding("UTF-8"); // file names in the parts' headers are UTF-8, as browsers and curl send them
            }
            Part part = request.getPart("file");
            if (part == null) {
                throw Failure.invalid("the multipart body has no field named 'file'");
            }
            return part;
        } catch (Failure e) {
            throw e;
        } catch (ServletException | IOException | RuntimeException e) {
            // the container's parser: a wrong boundary, a cut-off body, a part over its limits
            throw Failure.invalid("the body is not a readable multipart form (a wrong boundary or a cut-off body)");
        }
    }

    /**
     * Runs the upload and answers: a refusal once nothing of the upload is left (its copies already sent are
     * dropped when their answers are back), else at once (202) or, with {@code wait}, when every copy is
     * acknowledged (201) or the transfer failed (502). The request is suspended meanwhile and holds no thread.
     */
    private void answer(Supplier<UploadResponse> upload, boolean wait, AsyncResponse answer) {
        UploadResponse sent;
        try {
            sent = upload.get();
        } catch (Failure refused) {
            drainBody();
            refused.cleanedUp().whenComplete((cleaned, error) -> answer.resume(refused));
            return;
        }
        if (!wait) {
            answer.resume(Response.accepted(sent).location(location(sent)).build());
            return;
        }
        answer.setTimeout(waitSeconds + 60L, TimeUnit.SECONDS); // the watch answers first, when waitSeconds are up
        uploads.whenSettled(sent.fileId(), Duration.ofSeconds(waitSeconds), settled -> answer.resume(settledAnswer(settled)));
    }

    /**
     * Reads what the client still sends of a refused body before the request goes asynchronous: its bytes are
     * the client's, not the network's, and an HTTP/2 stream answered from another thread with its body unread is
     * reset, which ends an upgraded (h2c) connection with GOAWAY instead of giving the client its answer.
     */
    private void drainBody() {
        try (InputStream rest = request.getInputStream()) {
            rest.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "the rest of a refused upload could not be read: {0}", e.toString());
        }
    }

    private static Response settledAnswer(UploadResponse settled) {
        return switch (FileStatus.valueOf(settled.status())) {
            case AVAILABLE -> Response.created(location(settled)).entity(settled).build();
            case FAILED -> ErrorResponse.of(Response.Status.BAD_GATEWAY, "TRANSFER_FAILED",
                    "file " + settled.fileId() + " failed: " + settled.failure());
            case TRANSFERRING -> Response.accepted(settled).location(location(settled)).build();
        };
    }

    private static URI location(UploadResponse sent) {
        return URI.create("/api/files/" + sent.fileId());
    }

    /** The same listing as {@code GET /api/files/list}. */
    @GET
    public Response all(@QueryParam("folder") String folder, @QueryParam("offset") String offset,
                        @QueryParam("limit") String limit, @QueryParam("sort") String sort,
                        @QueryParam("order") String order, @Context UriInfo uri) {
        return list(folder, offset, limit, sort, order, uri);
    }

    /**
     * One page of the caller's files (default: newest first, the first {@value FileListing#DEFAULT_LIMIT}):
     * {@code ?offset=&limit=} (at most {@value FileListing#MAX_LIMIT}), {@code ?sort=name|size|created},
     * {@code ?order=asc|desc}, {@code ?folder=<id>} for one folder (empty: the top of the drive). The body is
     * the page as a JSON array; {@code X-Total-Count} says how many files the whole listing has, and
     * {@code Link} gives the {@code first}, {@code prev}, {@code next} and {@code last} pages.
     */
    @GET
    @Path("list")
    public Response list(@QueryParam("folder") String folder, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit, @QueryParam("sort") String sort,
                         @QueryParam("order") String order, @Context UriInfo uri) {
        FilePage page = files.page(client.username(), FileListing.parse(folder, offset, limit, sort, order));
        Response.ResponseBuilder answer = Response.ok(page.files()).header(TOTAL_COUNT, page.total());
        PageLinks.of(page.offset(), page.limit(), page.total())
                .forEach((rel, at) -> answer.link(uri.getRequestUriBuilder().replaceQueryParam("offset", at)
                        .replaceQueryParam("limit", page.limit()).build(), rel));
        return answer.build();
    }

    /**
     * The file and its whole chunk map, or with {@code ?chunks.offset=&chunks.limit=} a window of the map
     * (at most {@value #MAX_CHUNKS} chunks; {@code chunks.limit=0}: none), for files of thousands of chunks.
     */
    @GET
    @Path("{fileId}")
    public FileDetails details(@PathParam("fileId") String fileId, @QueryParam("chunks.offset") String chunksOffset,
                               @QueryParam("chunks.limit") String chunksLimit) {
        if (chunksOffset == null && chunksLimit == null) {
            return files.details(client.username(), fileId);
        }
        return files.details(client.username(), fileId,
                FileListing.number("chunks.offset", chunksOffset, 0, 0, Integer.MAX_VALUE),
                FileListing.number("chunks.limit", chunksLimit, MAX_CHUNKS, 0, MAX_CHUNKS));
    }

    @DELETE
    @Path("{fileId}")
    public Deleted delete(@PathParam("fileId") String fileId) {
        FileDetails file = files.details(client.username(), fileId, 0, 0);
        files.delete(client.username(), fileId);
        return new Deleted(file.fileId(), file.name());
    }

    /**
     * Renames the file ({@code "name"}, the same rules as an upload's name) and/or moves it to a folder
     * ({@code "folderId"}, empty for the top of the drive).
     */
    @PATCH
    @Path("{fileId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FileSummary change(@PathParam("fileId") String fileId, Change change) {
        if (change == null || (change.name() == null && change.folderId() == null)) {
            throw Failure.invalid("the body must be {\"name\":\"…\"} and/or {\"folderId\":\"…\"}");
        }
        if (change.name() != null) {
            FileName.valid(change.name()); // refused before the move, so a failed change changes nothing
        }
        FileSummary changed = null;
        if (change.folderId() != null) {
            changed = files.move(client.username(), fileId, change.folderId());
        }
        if (change.name() != null) {
            changed = files.rename(client.username(), fileId, change.name());
        }
        return changed;
    }

    /** The body of a file change: a new name, a folder, or both. */
    public record Change(String name, String folderId) {
    }

    /** What a delete answers. */
    public record Deleted(String fileId, String name) {
    }

    /** RFC 6266: an ASCII fallback name and the exact name in UTF-8. */
    static String attachment(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
