package org.p2pstorage.mail.boundary;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.mail.entity.OutboxEntry;

/** The mail outbox (used when no SMTP server is configured), read-only and for admins only. */
@RequestScoped
@Path("mail/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    @EJB
    Outbox outbox;

    @GET
    public List<OutboxEntry> list() {
        return outbox.list();
    }
}
