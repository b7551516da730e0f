package org.p2pstorage.account.boundary;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.account.control.SshPublicKeys;
import org.p2pstorage.account.entity.GeneratedSshKey;
import org.p2pstorage.account.entity.SshKey;
import org.p2pstorage.account.entity.SshKeyRequest;
import org.p2pstorage.account.entity.SshKeyView;
import org.p2pstorage.account.entity.UserAccount;
import org.p2pstorage.failure.entity.Failure;

/**
 * The seed's SSHKeyManager on accounts: a user adds, lists and removes the public keys the SSH server
 * accepts for them, or has a pair generated (the private key is answered once and never kept). The SSH
 * server asks {@link #authorized} whether a key a client offers for a user is one of theirs.
 */
@Stateless
public class SshKeys {

    private static final Logger LOG = Logger.getLogger(SshKeys.class.getName());
    private static final int MAX_KEYS = 50;
    private static final int MAX_NAME = 100;

    @PersistenceContext
    EntityManager em;

    public List<SshKeyView> list(String username) {
        return keys(username).stream().map(SshKey::view).toList();
    }

    public SshKeyView add(String username, SshKeyRequest request) {
        if (request == null) {
            throw Failure.invalid("the body must be a JSON object with publicKey");
        }
        SshPublicKeys.Parsed key = SshPublicKeys.parse(request.publicKey());
        return keep(username, name(request.name(), key.comment()), key).view();
    }

    public GeneratedSshKey generate(String username, SshKeyRequest request) {
        String name = name(request == null ? null : request.name(), username + "@p2p-storage");
        SshPublicKeys.Pair pair = SshPublicKeys.generate(name);
        return new GeneratedSshKey(keep(username, name, pair.publicKey()).view(), pair.privateKey());
    }

    public void remove(String username, long id) {
        SshKey key = keys(username).stream().filter(k -> k.view().id() == id).findFirst()
                .orElseThrow(() -> Failure.notFound("no SSH key " + id + " of yours"));
        em.remove(key);
        LOG.log(Level.INFO, "SSH key {0} of {1} removed", new Object[]{key.view().fingerprint(), username});
    }

    /** Whether the key is one the user added; notes its use. */
    public boolean authorized(String username, PublicKey offered) {
        Optional<SshKey> key = em.createNamedQuery(SshKey.BY_FINGERPRINT, SshKey.class)
                .setParameter("username", username).setParameter("fingerprint", SshPublicKeys.fingerprint(offered))
                .getResultStream().findFirst();
        key.ifPresent(SshKey::used);
        return key.isPresent();
    }

    private SshKey keep(String username, String name, SshPublicKeys.Parsed key) {
        UserAccount account = em.createNamedQuery(UserAccount.BY_NAME, UserAccount.class).setParameter("username", username)
                .getResultStream().findFirst().orElseThrow(() -> Failure.unauthorized("the account no longer exists"));
        List<SshKey> existing = keys(username);
        if (existing.stream().anyMatch(k -> k.view().fingerprint().equals(key.fingerprint()))) {
            throw new Failure(Failure.Kind.CONFLICT, "this key (" + key.fingerprint() + ") is already added");
        }
        if (existing.size() >= MAX_KEYS) {
            throw Failure.invalid("an account can have at most " + MAX_KEYS + " SSH keys; remove one first");
        }
        SshKey added = new SshKey(account, name, key.fingerprint(), key.algorithm(), key.line());
        em.persist(added);
        em.flush();
        LOG.log(Level.INFO, "SSH key {0} ({1}) added for {2}", new Object[]{key.fingerprint(), key.algorithm(), username});
        return added;
    }

    private List<SshKey> keys(String username) {
        return em.createNamedQuery(SshKey.OF_ACCOUNT, SshKey.class).setParameter("username", username).getResultList();
    }

    private static String name(String given, String fallback) {
        String name = given == null || given.isBlank() ? fallback : given.trim();
        if (name == null || name.isBlank()) {
            name = "key";
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw Failure.invalid("name must be at most " + MAX_NAME + " characters, without control characters");
        }
        return name;
    }
}
