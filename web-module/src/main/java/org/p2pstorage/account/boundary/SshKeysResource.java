package org.p2pstorage.account.boundary;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.p2pstorage.account.entity.GeneratedSshKey;
import org.p2pstorage.account.entity.SshKeyRequest;
import org.p2pstorage.account.entity.SshKeyView;

/**
 * The caller's SSH public keys over REST, for the SSH server (SFTP and remote commands): list, add an
 * OpenSSH public key line, generate an Ed25519 pair (the private key is in that answer only), remove.
 */
@RequestScoped
@Path("auth/ssh-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SshKeysResource {

    @EJB
    SshKeys keys;

    @Inject
    Client client;

    @GET
    public List<SshKeyView> list() {
        return keys.list(client.username());
    }

    @POST
    public Response add(SshKeyRequest request) {
        SshKeyView key = keys.add(client.username(), request);
        return Response.created(URI.create("/api/auth/ssh-keys/" + key.id())).entity(key).build();
    }

    @POST
    @Path("generate")
    public Response generate(SshKeyRequest request) {
        GeneratedSshKey generated = keys.generate(client.username(), request);
        return Response.status(Response.Status.CREATED).entity(generated)
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id) {
        keys.remove(client.username(), id);
        return Response.noContent().build();
    }
}
