package org.p2pstorage.transfer.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.catalog.boundary.Uploads;
import org.p2pstorage.catalog.entity.TransferProgress;

/** A file's transfer through the simulated network, for progress bars: acknowledged, expected, ETA (own files only). */
@RequestScoped
@Path("transfers")
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    @EJB
    Uploads uploads;

    @Inject
    Client client;

    @GET
    @Path("{fileId}")
    public TransferProgress progress(@PathParam("fileId") String fileId) {
        return uploads.progress(client.username(), fileId);
    }
}
