package org.p2pstorage.account.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A public key a user added (or had generated) for the SSH server, as the seed's SSHKeyManager kept them:
 * the OpenSSH line and its SHA-256 fingerprint, by which the SSH server finds it. Never a private key.
 */
@Entity
@Table(name = "ssh_key", uniqueConstraints = @UniqueConstraint(name = "ssh_key_account_fingerprint",
        columnNames = {"account_id", "fingerprint"}))
@NamedQueries({
        @NamedQuery(name = SshKey.OF_ACCOUNT,
                query = "SELECT k FROM SshKey k WHERE k.account.username = :username ORDER BY k.createdAt, k.id"),
        @NamedQuery(name = SshKey.BY_FINGERPRINT,
                query = "SELECT k FROM SshKey k WHERE k.account.username = :username AND k.fingerprint = :fingerprint")})
public class SshKey {

    public static final String OF_ACCOUNT = "SshKey.ofAccount";
    public static final String BY_FINGERPRINT = "SshKey.byFingerprint";

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    private UserAccount account;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 100)
    private String fingerprint;

    @Column(nullable = false, length = 60)
    private String algorithm;

    @Column(nullable = false, length = 4000)
    private String publicKey;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant lastUsedAt;

    protected SshKey() {
    }

    public SshKey(UserAccount account, String name, String fingerprint, String algorithm, String publicKey) {
        this.account = account;
        this.name = name;
        this.fingerprint = fingerprint;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.createdAt = Instant.now();
    }

    public void used() {
        lastUsedAt = Instant.now();
    }

    public SshKeyView view() {
        return new SshKeyView(id, name, algorithm, fingerprint, publicKey, createdAt, lastUsedAt);
    }
}
