package org.p2pstorage.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void sessionTokensCarry256RandomBitsInUrlSafeText() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Secrets.token(32);
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            tokens.add(token);
        }
        assertEquals(1000, tokens.size());
    }

    @Test
    void codesHaveTheirFormat() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(Secrets.sixDigits().matches("\\d{6}"));
            assertTrue(Secrets.backupCode().matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        }
    }
}
