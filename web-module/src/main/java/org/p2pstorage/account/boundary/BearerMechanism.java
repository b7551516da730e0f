package org.p2pstorage.account.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates requests that carry {@code Authorization: Bearer <token>} against the
 * {@link SessionIdentityStore}. It never answers by itself: a request without a valid token goes on
 * anonymous (with the reason noted), and {@link SignedIn} refuses it as JSON where a session is needed,
 * so that registering and logging in stay open.
 */
@ApplicationScoped
public class BearerMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link org.p2pstorage.account.entity.Caller} of a valid token. */
    public static final String CALLER = "org.p2pstorage.account.caller";
    /** Request attribute saying why a token was not accepted. */
    public static final String REFUSAL = "org.p2pstorage.account.refusal";
    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(new BearerCredential(header.substring(BEARER.length()).strip()));
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof SessionPrincipal principal) {
            request.setAttribute(CALLER, principal.caller());
            return context.notifyContainerAboutLogin(result);
        }
        request.setAttribute(REFUSAL, "the session has expired or has ended; log in again");
        return context.doNothing();
    }
}
