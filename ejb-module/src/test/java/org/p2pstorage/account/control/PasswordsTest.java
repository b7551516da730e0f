package org.p2pstorage.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unknown user must cost exactly what a wrong password costs: one hash verification. Counted with a
 * hash that records its calls, not timed, so the test cannot flake on a busy machine.
 */
class PasswordsTest {

    /** A stand-in for PBKDF2 that counts verifications. */
    static final class CountingHash implements Pbkdf2PasswordHash {
        int verifications;

        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            return "hash:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashed) {
            verifications++;
            return hashed.equals(generate(password));
        }
    }

    private final CountingHash hash = new CountingHash();
    private final Passwords passwords = new Passwords();

    @BeforeEach
    void configure() {
        passwords.hash = hash;
        passwords.configure();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserCostOneVerificationEach() {
        String stored = passwords.hash("the right passphrase");

        hash.verifications = 0;
        assertFalse(passwords.verify("a wrong passphrase", stored));
        assertEquals(1, hash.verifications);

        hash.verifications = 0;
        assertFalse(passwords.verifyNobody("the right passphrase"));
        assertEquals(1, hash.verifications);

        hash.verifications = 0;
        assertFalse(passwords.verifyNobody(null));
        assertFalse(passwords.verify(null, stored));
        assertEquals(2, hash.verifications, "no password still costs a verification");
    }

    @Test
    void theRightPasswordIsAccepted() {
        assertTrue(passwords.verify("the right passphrase", passwords.hash("the right passphrase")));
    }
}
