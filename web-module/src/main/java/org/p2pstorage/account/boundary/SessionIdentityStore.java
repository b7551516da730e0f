package org.p2pstorage.account.boundary;

import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The identity store of the API and the portal: a session token is valid while its session lives;
 * the groups are {@code user} and, for admins, {@code admin}.
 */
@ApplicationScoped
public class SessionIdentityStore implements IdentityStore {

    @EJB
    Accounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.authenticate(bearer.token())
                .map(caller -> new CredentialValidationResult(new SessionPrincipal(caller),
                        caller.admin() ? Set.of("user", "admin") : Set.of("user")))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
