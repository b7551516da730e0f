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
import jakarta.servlet.http.HttpSession;

/**
 * Authenticates requests against the {@link SessionIdentityStore}: REST requests ({@code /api/*}) by
 * {@code Authorization: Bearer <token>} only, and portal pages by the same kind of token, kept in the
 * HTTP session when the user signed in on the portal (never readable by the page's scripts, and never
 * accepted by the API, so that a cookie alone cannot call it). It never answers by itself: a request
 * without a valid token goes on anonymous (with the reason noted); {@link SignedIn} refuses it as JSON
 * where the API needs a session, and {@link PortalGate} sends a page to sign-in.
 */
@ApplicationScoped
public class BearerMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link org.p2pstorage.account.entity.Caller} of a valid token. */
    public static final String CALLER = "org.p2pstorage.account.caller";
    /** Request attribute saying why a token was not accepted. */
    public static final String REFUSAL = "org.p2pstorage.account.refusal";
    /** HTTP session attribute with the token of a portal sign-in. */
    public static final String SESSION_TOKEN = "org.p2pstorage.account.token";
    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authenticate(header.substring(BEARER.length()).strip(), request, context);
        }
        HttpSession session = request.getServletPath().startsWith("/api") ? null : request.getSession(false);
        if (session != null && session.getAttribute(SESSION_TOKEN) instanceof String token) {
            return authenticate(token, request, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus authenticate(String token, HttpServletRequest request, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(new BearerCredential(token));
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof SessionPrincipal principal) {
            request.setAttribute(CALLER, principal.caller());
            return context.notifyContainerAboutLogin(result);
        }
        request.setAttribute(REFUSAL, "the session has expired or has ended; log in again");
        return context.doNothing();
    }
}
