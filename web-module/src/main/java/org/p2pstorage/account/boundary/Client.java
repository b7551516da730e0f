package org.p2pstorage.account.boundary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.entity.Caller;
import org.p2pstorage.failure.entity.Failure;

/**
 * Who is asking: the signed-in caller (set by {@link BearerMechanism}), the client's address and
 * user agent. Behind a reverse proxy listed in {@code p2p.proxies}, the address is the last one the
 * proxy added to {@code X-Forwarded-For}.
 */
@RequestScoped
public class Client {

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "p2p.proxies")
    Optional<List<String>> proxies;

    public Optional<Caller> caller() {
        return Optional.ofNullable((Caller) request.getAttribute(BearerMechanism.CALLER));
    }

    /** Why the token sent, if any, was not accepted. */
    public Optional<String> refusal() {
        return Optional.ofNullable((String) request.getAttribute(BearerMechanism.REFUSAL));
    }

    /** The signed-in user's name; a request without one never gets this far (see {@link SignedIn}). */
    public String username() {
        return caller().map(Caller::username).orElseThrow(() -> Failure.unauthorized("log in first"));
    }

    public String sessionId() {
        return caller().map(Caller::sessionId).orElseThrow(() -> Failure.unauthorized("log in first"));
    }

    public void requireAdmin() {
        if (!caller().map(Caller::admin).orElse(false)) {
            throw Failure.forbidden("only an admin may do this");
        }
    }

    public String token() {
        String header = request.getHeader("Authorization");
        return header != null && header.length() > 7 ? header.substring(7).strip() : null;
    }

    public String ip() {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && proxies.orElse(List.of()).contains(remote)) {
            List<String> hops = Arrays.stream(forwarded.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (!hops.isEmpty()) {
                String last = hops.get(hops.size() - 1);
                return last.length() > 64 ? last.substring(0, 64) : last;
            }
        }
        return remote;
    }

    public String agent() {
        return request.getHeader("User-Agent");
    }
}
