package org.p2pstorage.account.entity;

import java.time.Instant;

/** A user's SSH public key as the API shows it. */
public record SshKeyView(long id, String name, String algorithm, String fingerprint, String publicKey,
                         Instant createdAt, Instant lastUsedAt) {
}
