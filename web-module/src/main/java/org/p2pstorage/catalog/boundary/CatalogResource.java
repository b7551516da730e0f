package org.p2pstorage.catalog.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.catalog.entity.RebuildReport;

/** Admins reconcile the catalog with the nodes' manifests on demand, and read what it did. */
@RequestScoped
@Path("catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @EJB
    CatalogRebuild rebuild;


    @POST
    @Path("rebuild")
    public RebuildReport rebuild() {
        return rebuild.rebuild();
    }
}
