package org.p2pstorage.account.boundary;

import jakarta.security.enterprise.CallerPrincipal;

import org.p2pstorage.account.entity.Caller;

/** The principal of a valid session, carrying the session's caller (name, role, session id). */
public class SessionPrincipal extends CallerPrincipal {

    private final Caller caller;

    public SessionPrincipal(Caller caller) {
        super(caller.username());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
