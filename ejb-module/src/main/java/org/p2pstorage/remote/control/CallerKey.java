package org.p2pstorage.remote.control;

import io.grpc.Context;

import org.p2pstorage.account.entity.Caller;

/** Where {@link BearerInterceptor} leaves the authenticated caller (and its address) for the service methods of one call. */
public final class CallerKey {

    public static final Context.Key<Caller> CALLER = Context.key("p2p-caller");
    /** The client's IP address, for the login throttle. */
    public static final Context.Key<String> ADDRESS = Context.key("p2p-client-address");

    private CallerKey() {
    }

    /** The caller of the current call (the interceptor has refused every call without one). */
    public static Caller current() {
        Caller caller = CALLER.get();
        if (caller == null) {
            throw new IllegalStateException("no caller: the service is not behind BearerInterceptor");
        }
        return caller;
    }
}
