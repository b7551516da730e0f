package org.p2pstorage.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.p2pstorage.account.entity.LoginThrottle;

/**
 * The throttle's writes, each in a transaction of its own, so that a failure stays counted when the
 * refusal that follows it rolls the caller's transaction back. Servers sharing the database count on the
 * same rows: a key's row is locked while it is counted, and of two first failures inserting the same row
 * at once one loses the race and is counted on the winner's row by {@link Throttle}'s next attempt.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ThrottleWrites {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * Counts one failure of the key. False when another transaction inserted the key's first row at the
     * same moment: this one is rolled back, and counting again finds that row.
     */
    public boolean count(String key, Instant now, Duration window) {
        LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null) {
            throttle.failed(now, window);
            return true;
        }
        try {
            em.persist(new LoginThrottle(key, now));
            em.flush();
            return true;
        } catch (PersistenceException duplicate) {
            context.setRollbackOnly();
            return false;
        }
    }

    public void forget(String... keys) {
        em.createNamedQuery(LoginThrottle.FORGET).setParameter("keys", List.of(keys)).executeUpdate();
    }

    /** Deletes the rows whose failures no longer count, so that the table keeps only live keys. */
    public void pruneStale(Instant staleBefore) {
        em.createNamedQuery(LoginThrottle.DELETE_STALE).setParameter("staleBefore", staleBefore).executeUpdate();
    }
}
