package org.p2pstorage.account.boundary;

import java.io.InputStream;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.account.control.QuotaLimit;
import org.p2pstorage.account.control.Quotas;
import org.p2pstorage.account.entity.Quota;
import org.p2pstorage.account.entity.UserAccount;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;

/**
 * The account feature's answer to "may this owner upload this?", asked by the catalog before anything is sent.
 * It exists so that the catalog asks account's boundary rather than reaching into its quota internals
 * ({@link Quotas}, {@link QuotaLimit}): it refuses an upload the owner's quota cannot take, and hands back the
 * body bound to what the quota has left.
 */
@Stateless
public class UploadAdmission {

    @PersistenceContext
    EntityManager em;

    @Inject
    Quotas quotas;

    /**
     * Refuses an upload of {@code declaredSize} bytes (-1: not known yet) that would take the owner past
     * their quota, saying how much is left; an upload of unknown size needs some room left. Returns the
     * body limited to what is left ({@link QuotaLimit}), since neither an unknown size nor a declared one
     * binds what a client then sends. {@code networkCapacity} is the capacity of every node, for the default quota.
     */
    public InputStream admit(String owner, InputStream body, long declaredSize, long networkCapacity) {
        UserAccount account = em.createNamedQuery(UserAccount.BY_NAME, UserAccount.class).setParameter("username", owner)
                .getResultStream().findFirst().orElse(null);
        if (account == null) {
            return body;
        }
        Quota quota = quotas.of(account, networkCapacity);
        long needed = Math.max(declaredSize, 1);
        if (needed > quota.leftBytes()) {
            String file = declaredSize >= 0 ? "the file is " + DataSize.format(declaredSize) + ", but " : "";
            throw new Failure(Failure.Kind.OVER_QUOTA, file + "your quota of " + DataSize.format(quota.quotaBytes())
                    + " has " + DataSize.format(quota.leftBytes()) + " left (" + DataSize.format(quota.usedBytes())
                    + " used); delete files or ask an admin for more");
        }
        return new QuotaLimit(body, quota.quotaBytes(), quota.usedBytes());
    }
}
