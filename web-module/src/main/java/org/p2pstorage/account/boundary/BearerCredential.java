package org.p2pstorage.account.boundary;

import jakarta.security.enterprise.credential.Credential;

/** A session token as sent in {@code Authorization: Bearer <token>}. */
public record BearerCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "BearerCredential";
    }
}
