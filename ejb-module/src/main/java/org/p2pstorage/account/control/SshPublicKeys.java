package org.p2pstorage.account.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.p2pstorage.failure.entity.Failure;

/**
 * Reads, fingerprints and generates SSH keys with Apache MINA SSHD's own codecs (Ed25519 through Bouncy
 * Castle), so the keys the REST API accepts are exactly those the SSH server can check.
 */
public final class SshPublicKeys {

    /** A parsed public key line: the key, its canonical line (without comment), fingerprint and comment. */
    public record Parsed(PublicKey key, String line, String fingerprint, String algorithm, String comment) {
    }

    /** A generated pair: the public line and the private key in OpenSSH format. */
    public record Pair(Parsed publicKey, String privateKey) {
    }

    private SshPublicKeys() {
    }

    public static Parsed parse(String line) {
        if (line == null || line.isBlank()) {
            throw Failure.invalid("publicKey is missing: paste an OpenSSH public key line, such as the content of ~/.ssh/id_ed25519.pub");
        }
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.trim());
            if (entry == null) {
                throw Failure.invalid("publicKey is empty");
            }
            PublicKey key = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            return of(key, entry.getComment());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw Failure.invalid("publicKey is not an OpenSSH public key line (ssh-ed25519, ssh-rsa or ecdsa-sha2-…): "
                    + e.getMessage());
        }
    }

    public static Parsed of(PublicKey key, String comment) {
        return new Parsed(key, PublicKeyEntry.toString(key), KeyUtils.getFingerPrint(key), KeyUtils.getKeyType(key),
                comment == null ? "" : comment.trim());
    }

    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    /** A new Ed25519 pair; the private key leaves here as text and is not kept anywhere. */
    public static Pair generate(String comment) {
        try {
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, out);
            return new Pair(of(pair.getPublic(), comment), out.toString(StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new Failure(Failure.Kind.INTERNAL, "cannot generate an Ed25519 key pair", e);
        }
    }
}
