package org.p2pstorage.account.boundary;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.control.Quotas;
import org.p2pstorage.account.entity.UserAccount;
import org.p2pstorage.account.entity.UserView;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.boundary.NetworkState;

/** The admin's view of the accounts: every user with their quota and usage, and changing a quota. */
@Stateless
@DeclareRoles("admin")
@RolesAllowed("admin")
public class Users {

    private static final Logger LOG = Logger.getLogger(Users.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Quotas quotas;

    @EJB
    NetworkState networkState;

    @Inject
    @ConfigProperty(name = "p2p.admin")
    Optional<String> configuredAdmin;

    public List<UserView> all() {
        long networkCapacity = networkState.capacity();
        return em.createQuery("SELECT a FROM UserAccount a ORDER BY a.username", UserAccount.class).getResultList()
                .stream().map(account -> view(account, networkCapacity)).toList();
    }

    /** Sets the user's quota in bytes; null gives them the default quota again. */
    public UserView changeQuota(String username, Long quotaBytes) {
        UserAccount account = em.createNamedQuery(UserAccount.BY_NAME, UserAccount.class)
                .setParameter("username", UserAccount.normalized(username)).getResultStream().findFirst()
                .orElseThrow(() -> Failure.notFound("no user named " + username));
        account.changeQuota(quotaBytes);
        LOG.log(Level.INFO, "quota of {0} set to {1}", new Object[]{account.username(),
                quotaBytes == null ? "the default" : quotaBytes + " bytes"});
        return view(account, networkState.capacity());
    }

    /** {@code networkCapacity}: the capacity of every node, for the default quota (read once per answer). */
    private UserView view(UserAccount account, long networkCapacity) {
        boolean admin = account.admin() || configuredAdmin.map(UserAccount::normalized)
                .map(account.username()::equals).orElse(false);
        return UserView.of(account, admin, quotas.of(account, networkCapacity));
    }
}
