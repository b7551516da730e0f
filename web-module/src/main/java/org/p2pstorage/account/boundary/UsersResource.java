package org.p2pstorage.account.boundary;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.account.entity.UserView;

/**
 * Admins: the accounts with their quotas, and a user's quota ({@code {"quotaBytes":10737418240}}, or
 * {@code {"quotaBytes":null}} for the default). The EJB lets only admins in.
 */
@RequestScoped
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @EJB
    Users users;

    @GET
    public List<UserView> all() {
        return users.all();
    }

    @PUT
    @Path("{username}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView changeQuota(@PathParam("username") String username,
                                @Valid @NotNull(message = "the body must be {\"quotaBytes\":…}") QuotaChange change) {
        return users.changeQuota(username, change.quotaBytes());
    }

    /** A new quota in bytes; null: the default quota. */
    public record QuotaChange(
            @PositiveOrZero(message = "quotaBytes must be between 0 and 1125899906842624 (1 PiB), or null for the default")
            @Max(value = 1L << 50, message = "quotaBytes must be between 0 and 1125899906842624 (1 PiB), or null for the default")
            Long quotaBytes) {
    }
}
