package org.p2pstorage.account.control;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.entity.Quota;
import org.p2pstorage.account.entity.UserAccount;
import org.p2pstorage.configuration.entity.DataSize;

/**
 * Per-user quotas, so that one user cannot fill the network for everyone. A user's usage is the sum of
 * the sizes of their files (what they uploaded, not the room its copies take on the nodes). The quota
 * is the one an admin set on the account, else {@code p2p.user.quota}, else a fair share: the network's
 * capacity divided by the number of accounts. An upload is checked against it before anything is sent,
 * by {@code UploadAdmission}, account's boundary for the catalog.
 * <p>
 * The network's capacity belongs to the network feature: the boundaries that ask for a quota read it from
 * {@code NetworkState} and pass it in, so that this control needs nothing of another feature.
 */
@Stateless
public class Quotas {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "p2p.user.quota")
    Optional<DataSize> configured;

    public Quota of(UserAccount account, long networkCapacity) {
        long used = em.createQuery("SELECT COALESCE(SUM(f.size), 0) FROM StoredFile f WHERE f.owner = :owner", Long.class)
                .setParameter("owner", account.username()).getSingleResult();
        return account.quotaBytes() != null ? new Quota(account.quotaBytes(), used, true)
                : new Quota(defaultQuota(networkCapacity), used, false);
    }

    long defaultQuota(long networkCapacity) {
        if (configured.isPresent()) {
            return configured.get().bytes();
        }
        long capacity = networkCapacity;
        long accounts = em.createNamedQuery(UserAccount.COUNT, Long.class).getSingleResult();
        return capacity / Math.max(1, accounts);
    }
}
