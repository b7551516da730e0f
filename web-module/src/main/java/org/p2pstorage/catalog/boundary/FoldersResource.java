package org.p2pstorage.catalog.boundary;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.failure.entity.Failure;

/**
 * The caller's folders: list them, create one (at the top or in another folder), delete an empty one.
 * Files go into a folder with {@code PATCH /api/files/{id}} and {@code "folderId"}.
 */
@RequestScoped
@Path("folders")
@Produces(MediaType.APPLICATION_JSON)
public class FoldersResource {

    @EJB
    Folders folders;

    @Inject
    Client client;

    @GET
    public List<FolderView> list() {
        return folders.folders(client.username());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewFolder folder) {
        if (folder == null) {
            throw Failure.invalid("the body must be {\"name\":\"…\",\"parentId\":\"…\"}");
        }
        FolderView created = folders.createFolder(client.username(), folder.parentId(), folder.name());
        return Response.created(URI.create("/api/folders/" + created.folderId())).entity(created).build();
    }

    /** Renames one of the caller's folders: {@code {"name":"…"}}. */
    @PATCH
    @Path("{folderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FolderView rename(@PathParam("folderId") String folderId, Rename rename) {
        if (rename == null || rename.name() == null) {
            throw Failure.invalid("the body must be {\"name\":\"…\"}");
        }
        return folders.rename(client.username(), folderId, rename.name());
    }

    @DELETE
    @Path("{folderId}")
    public Response delete(@PathParam("folderId") String folderId) {
        folders.deleteFolder(client.username(), folderId);
        return Response.noContent().build();
    }

    /** The body of a folder's rename: its new name. */
    public record Rename(String name) {
    }

    /** The body of a new folder: its name and, optionally, the folder it goes in. */
    public record NewFolder(String name, String parentId) {
    }
}
