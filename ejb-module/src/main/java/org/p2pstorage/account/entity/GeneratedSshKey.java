package org.p2pstorage.account.entity;

/**
 * A key pair the server generated for the user: the public key is kept, the private key (OpenSSH format,
 * unencrypted) is in this answer only and is never stored or logged: save it, {@code chmod 600} it.
 */
public record GeneratedSshKey(SshKeyView key, String privateKey) {

    @Override
    public String toString() {
        return "GeneratedSshKey[key=" + key + ", privateKey=(hidden)]";
    }
}
