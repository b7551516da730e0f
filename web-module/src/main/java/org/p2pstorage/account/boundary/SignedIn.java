package org.p2pstorage.account.boundary;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.p2pstorage.failure.boundary.FailureMapper;
import org.p2pstorage.failure.entity.Failure;

/** Every route but registering and logging in needs a session: others are answered 401 as JSON. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignedIn implements ContainerRequestFilter {

    private static final Set<String> OPEN = Set.of("auth/register", "auth/login", "auth/login/otp");

    @Inject
    Client client;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        if (OPEN.contains(path) || client.caller().isPresent()) {
            return;
        }
        request.abortWith(new FailureMapper().toResponse(Failure.unauthorized(client.refusal()
                .orElse("log in first: send Authorization: Bearer <token> from POST /api/auth/login"))));
    }
}
