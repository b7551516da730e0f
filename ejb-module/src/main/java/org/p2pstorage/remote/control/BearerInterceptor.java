package org.p2pstorage.remote.control;

import java.util.Optional;
import java.util.function.Function;

import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import org.p2pstorage.account.entity.Caller;

/**
 * The gRPC twin of the REST API's bearer mechanism: the {@code authorization} metadata must be
 * {@code Bearer <token>} of a live session, checked by the same {@code Accounts.authenticate}; the caller
 * is then in the call's context. Methods named in {@code open} (Login) pass without a token.
 */
public class BearerInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String SCHEME = "bearer ";

    private final Function<String, Optional<Caller>> authenticate;
    private final java.util.Set<String> open;

    public BearerInterceptor(Function<String, Optional<Caller>> authenticate, java.util.Set<String> open) {
        this.authenticate = authenticate;
        this.open = open;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        io.grpc.Context context = io.grpc.Context.current().withValue(CallerKey.ADDRESS, address(call));
        if (open.contains(call.getMethodDescriptor().getFullMethodName())) {
            return Contexts.interceptCall(context, call, headers, next);
        }
        Optional<Caller> caller = token(headers.get(AUTHORIZATION)).flatMap(authenticate);
        if (caller.isEmpty()) {
            call.close(Status.UNAUTHENTICATED.withDescription(headers.get(AUTHORIZATION) == null
                    ? "no session: send the metadata 'authorization: Bearer <token>' of POST /api/auth/login"
                    : "the token names no live session: log in again"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(context.withValue(CallerKey.CALLER, caller.get()), call, headers, next);
    }

    private static String address(ServerCall<?, ?> call) {
        java.net.SocketAddress remote = call.getAttributes().get(io.grpc.Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        return remote instanceof java.net.InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : "unknown";
    }

    /** The token of {@code Bearer <token>} (the scheme in any case), if the value has that form. */
    static Optional<String> token(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
