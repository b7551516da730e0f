package org.p2pstorage.account.boundary;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.p2pstorage.account.entity.AccountView;
import org.p2pstorage.account.entity.BackupCodes;
import org.p2pstorage.account.entity.Credentials;
import org.p2pstorage.account.entity.LoginResult;
import org.p2pstorage.account.entity.OtpLogin;
import org.p2pstorage.account.entity.OtpRequest;
import org.p2pstorage.account.entity.OtpSetup;
import org.p2pstorage.account.entity.PasswordChange;
import org.p2pstorage.account.entity.Registration;
import org.p2pstorage.account.entity.SessionView;

/**
 * Accounts over REST: register, log in (two steps with a second factor), log out, who am I, the
 * sessions, and the second factor's set-up. Only register and the two login steps are open.
 */
@RequestScoped
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    Accounts accounts;

    @Inject
    Client client;

    @POST
    @Path("register")
    public Response register(@Valid @NotNull(message = "the body must be a JSON object") Registration registration) {
        AccountView account = accounts.register(registration);
        return Response.created(URI.create("/api/auth/me")).entity(account).build();
    }

    @POST
    @Path("login")
    public LoginResult login(Credentials credentials) {
        return accounts.login(credentials, client.ip(), client.agent());
    }

    @POST
    @Path("login/otp")
    public LoginResult loginOtp(OtpLogin otp) {
        return accounts.completeLogin(otp, client.ip(), client.agent());
    }

    @POST
    @Path("logout")
    public Response logout() {
        accounts.logout(client.token());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public AccountView me() {
        return accounts.me(client.username());
    }

    @GET
    @Path("sessions")
    public List<SessionView> sessions() {
        return accounts.sessions(client.username(), client.sessionId());
    }

    /** Ends every other session of the caller ("log out everywhere else"). */
    @DELETE
    @Path("sessions")
    public Map<String, Integer> revokeOthers() {
        return Map.of("ended", accounts.revokeOthers(client.username(), client.sessionId()));
    }

    @DELETE
    @Path("sessions/{id}")
    public Response revoke(@PathParam("id") String id) {
        accounts.revoke(client.username(), id);
        return Response.noContent().build();
    }

    /** Changes the password; every other session ends ({@code {"ended":n}}). */
    @POST
    @Path("password")
    public Map<String, Integer> changePassword(@Valid @NotNull(message = "the body must be a JSON object") PasswordChange change) {
        return Map.of("ended", accounts.changePassword(client.username(), client.sessionId(), change));
    }

    /** The body is optional ({@code {"method":"app"}} by default), so it is taken with any content type or none. */
    @POST
    @Path("enable-otp")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public OtpSetup enableOtp(OtpRequest request) {
        return accounts.enableOtp(client.username(), request);
    }

    @POST
    @Path("confirm-otp")
    public BackupCodes confirmOtp(OtpRequest request) {
        return accounts.confirmOtp(client.username(), request);
    }

    /** 200 once it is off; 202 when a code was e-mailed to send with the password next. */
    @POST
    @Path("disable-otp")
    public Response disableOtp(OtpRequest request) {
        if (accounts.disableOtp(client.username(), request)) {
            return Response.ok(Map.of("secondFactor", "NONE")).build();
        }
        return Response.accepted(Map.of("codeSent", true)).build();
    }

    @POST
    @Path("backup-codes")
    public BackupCodes backupCodes(OtpRequest request) {
        return accounts.regenerateBackupCodes(client.username(), request);
    }
}
