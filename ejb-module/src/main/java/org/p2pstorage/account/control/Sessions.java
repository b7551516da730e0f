package org.p2pstorage.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.entity.LoginResult;
import org.p2pstorage.account.entity.LoginSession;
import org.p2pstorage.account.entity.UserAccount;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.mail.entity.Mail;

/**
 * Login sessions: opening one (a fresh 256-bit token, of which only the SHA-256 is stored, and an alert
 * mail), finding the live session of a token, listing and ending them. Runs in the caller's transaction.
 */
@Stateless
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Mail> mails;

    @Inject
    @ConfigProperty(name = "p2p.session.hours", defaultValue = "24")
    long sessionHours;

    @Inject
    @ConfigProperty(name = "p2p.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Opens a session for the configured lifetime, or a shorter one when the client asks for it. */
    public LoginResult open(UserAccount account, String ip, String agent, Long lifetimeSeconds) {
        Instant now = Instant.now();
        em.createNamedQuery(LoginSession.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        Duration lifetime = Duration.ofHours(sessionHours);
        if (lifetimeSeconds != null) {
            if (lifetimeSeconds < 1) {
                throw Failure.invalid("lifetimeSeconds must be at least 1");
            }
            Duration asked = Duration.ofSeconds(lifetimeSeconds);
            lifetime = asked.compareTo(lifetime) < 0 ? asked : lifetime;
        }
        String token = Secrets.token(32);
        LoginSession session = new LoginSession(Secrets.hexId(16), Secrets.sha256(token), account, lifetime, ip, agent);
        em.persist(session);
        account.loggedIn(ip, now);
        mails.fire(Notices.newSession(account.email(), account.username(), now, ip, session.userAgent(), publicUrl));
        LOG.log(Level.INFO, "account {0} signed in from {1} (session {2})",
                new Object[]{account.username(), ip, session.id()});
        return LoginResult.session(token, session);
    }

    /** The live session of a token, its last use noted; an expired one is deleted on the way. */
    public Optional<LoginSession> live(String token) {
        Optional<LoginSession> found = byToken(token);
        Instant now = Instant.now();
        if (found.isPresent() && found.get().expired(now)) {
            em.remove(found.get());
            return Optional.empty();
        }
        found.ifPresent(session -> session.used(now));
        return found;
    }

    public void end(String token) {
        byToken(token).ifPresent(em::remove);
    }

    public List<LoginSession> of(UserAccount account) {
        return em.createNamedQuery(LoginSession.OF_ACCOUNT, LoginSession.class).setParameter("account", account)
                .getResultList();
    }

    /** One of the account's sessions; another account's session id is unknown (404), as it would be. */
    public void end(UserAccount account, String sessionId) {
        LoginSession session = sessionId == null ? null : em.find(LoginSession.class, sessionId);
        if (session == null || !session.account().id().equals(account.id())) {
            throw Failure.notFound("no session with id " + sessionId);
        }
        em.remove(session);
    }

    /** Ends every session of the account but one; returns how many ended. */
    public int endAllBut(UserAccount account, String keptSessionId) {
        int ended = 0;
        for (LoginSession session : of(account)) {
            if (!session.id().equals(keptSessionId)) {
                em.remove(session);
                ended++;
            }
        }
        return ended;
    }

    private Optional<LoginSession> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(LoginSession.BY_TOKEN, LoginSession.class)
                .setParameter("tokenHash", Secrets.sha256(token)).getResultStream().findFirst();
    }
}
