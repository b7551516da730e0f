package org.p2pstorage.account.entity;

/** A login: username (or e-mail) and password; {@code lifetimeSeconds} optionally asks for a shorter session. */
public record Credentials(String username, String password, Long lifetimeSeconds) {

    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
