package org.p2pstorage.account.entity;

/**
 * Adding a key: {@code publicKey} is an OpenSSH public key line ({@code ssh-ed25519 AAAA… comment}, as in
 * {@code ~/.ssh/id_ed25519.pub}); {@code name} defaults to its comment. To generate a pair, only the name.
 */
public record SshKeyRequest(String name, String publicKey) {
}
