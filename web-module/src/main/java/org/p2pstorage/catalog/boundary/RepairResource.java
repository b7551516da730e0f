package org.p2pstorage.catalog.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.catalog.entity.RepairStatus;

/** Where repair stands: chunks at risk, bytes to move and moved, the model's ETA, per node. */
@RequestScoped
@Path("repair")
@Produces(MediaType.APPLICATION_JSON)
public class RepairResource {

    @EJB
    Repairs repairs;

    @GET
    public RepairStatus status() {
        return repairs.status();
    }
}
