package org.p2pstorage.network.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.network.entity.StorageStatus;

/** Capacity, use and segments of every node and of the whole network. */
@RequestScoped
@Path("storage")
@Produces(MediaType.APPLICATION_JSON)
public class StorageResource {

    @EJB
    NetworkState networkState;

    @GET
    @Path("status")
    public StorageStatus status() {
        return networkState.storage();
    }
}
