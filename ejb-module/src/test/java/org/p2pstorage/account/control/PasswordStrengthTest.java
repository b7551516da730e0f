package org.p2pstorage.account.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.p2pstorage.failure.entity.Failure;

class PasswordStrengthTest {

    private final PasswordStrength strength = new PasswordStrength();

    @ParameterizedTest
    @ValueSource(strings = {"password123", "1234567890", "qwertyuiop", "correct horse battery staple", "aaaaaaaaaaaa",
            "abcdefghij", "iloveyou2024", "passw0rd!!"})
    void refusesCommonAndPatternedPasswordsWithAdvice(String password) {
        Failure refused = assertThrows(Failure.class, () -> strength.require(password));
        assertTrue(refused.getMessage().startsWith("password is too easy to guess"), refused.getMessage());
        assertTrue(refused.getMessage().length() > "password is too easy to guess".length() + 20, refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"violet harbour kettle drums 42", "a brand new passphrase", "demo-p2p-storage", "Tr0ub4dor&3x"})
    void acceptsPassphrases(String password) {
        assertDoesNotThrow(() -> strength.require(password));
    }

    @org.junit.jupiter.api.Test
    void theDemoAccountsPasswordPasses() {
        assertDoesNotThrow(() -> strength.require("demo-p2p-storage"));
    }
}
