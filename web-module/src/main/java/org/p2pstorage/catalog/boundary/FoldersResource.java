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
import org.p2pstorage.catalog.entity.FileName;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.failure.entity.Failure;

/**
 * The caller's folders: list them, create one (at the top or in another folder), rename or move one,
 * delete an empty one.
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

    /**
     * Renames one of the caller's folders ({@code {"name":"…"}}) and/or moves it, with all it holds, into
     * another of their folders ({@code {"parentId":"…"}}, {@code ""}: the top of the drive).
     */
    @PATCH
    @Path("{folderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FolderView change(@PathParam("folderId") String folderId, Change change) {
        if (change == null || (change.name() == null && change.parentId() == null)) {
            throw Failure.invalid("the body must be {\"name\":\"…\"} and/or {\"parentId\":\"…\"}");
        }
        if (change.name() != null) {
            FileName.valid(change.name()); // refused before the move, so a failed change changes nothing
        }
        FolderView changed = null;
        if (change.parentId() != null) {
            changed = folders.move(client.username(), folderId, change.parentId());
        }
        if (change.name() != null) {
            changed = folders.rename(client.username(), folderId, change.name());
        }
        return changed;
    }

    @DELETE
    @Path("{folderId}")
    public Response delete(@PathParam("folderId") String folderId) {
        folders.deleteFolder(client.username(), folderId);
        return Response.noContent().build();
    }

    /** The body of a folder's change: a new name, a new parent folder, or both. */
    public record Change(String name, String parentId) {
    }

    /** The body of a new folder: its name and, optionally, the folder it goes in. */
    public record NewFolder(String name, String parentId) {
    }
}
