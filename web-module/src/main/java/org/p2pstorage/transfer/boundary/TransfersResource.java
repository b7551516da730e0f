package org.p2pstorage.transfer.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.entity.TransferProgress;

/** A file's transfer through the simulated network, for progress bars: acknowledged, expected, ETA. */
@RequestScoped
@Path("transfers")
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    @EJB
    Files files;

    @GET
    @Path("{fileId}")
    public TransferProgress progress(@PathParam("fileId") String fileId) {
        return files.progress(fileId);
    }
}
