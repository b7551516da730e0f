package org.p2pstorage.account.control;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Password hashing with Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA256, 210,000
 * iterations (OWASP's figure), a 32-byte random salt per password; the stored string carries its own
 * parameters, so they can be raised later. Comparison is the implementation's constant-time one.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    /** Hash of a random password: unknown users are checked against it, so they cost as much time. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate(Secrets.token(24).toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /** Always spends one full verification, whatever the password (even none) looks like. */
    public boolean verify(String password, String stored) {
        return hash.verify((password == null ? "" : password).toCharArray(), stored) && password != null;
    }

    /** Spends the time of one verification for a user that does not exist; always false. */
    public boolean verifyNobody(String password) {
        hash.verify((password == null ? "" : password).toCharArray(), decoy);
        return false;
    }
}
