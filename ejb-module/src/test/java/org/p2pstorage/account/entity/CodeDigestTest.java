package org.p2pstorage.account.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CodeDigestTest {

    @Test
    void matchesOnlyTheCodeItWasMadeOf() {
        CodeDigest digest = CodeDigest.of("123456");
        assertTrue(digest.matches("123456"));
        assertFalse(digest.matches("123457"));
        assertFalse(digest.matches(""));
        assertFalse(digest.matches(null));
    }

    @Test
    void aMailedCodeIsAcceptedOnlyWhileValid() {
        UserAccount account = new UserAccount("alice", "alice@p2p.test", "hash", false);
        MailedCode code = new MailedCode(account, "654321", Duration.ofMinutes(5));
        Instant now = Instant.now();
        assertTrue(code.accepts("654321", now));
        assertFalse(code.accepts("654320", now));
        assertFalse(code.accepts("654321", now.plus(Duration.ofMinutes(6))));
    }
}
