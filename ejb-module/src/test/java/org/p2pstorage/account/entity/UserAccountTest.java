package org.p2pstorage.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserAccountTest {

    private final UserAccount account = new UserAccount(" Alice ", "Alice@Example.ORG", "hash", false);

    @Test
    void namesAndAddressesAreCaseInsensitive() {
        assertEquals("alice", account.username());
        assertEquals("alice@example.org", account.email());
    }

    @Test
    void aSecondFactorIsPendingUntilConfirmed() {
        account.beginSecondFactor(SecondFactor.APP, "SECRET");
        assertFalse(account.hasSecondFactor());
        assertNull(account.otpSecret());

        account.confirmPending();

        assertEquals(SecondFactor.APP, account.secondFactor());
        assertEquals("SECRET", account.otpSecret());
        assertNull(account.pendingFactor());
        assertThrows(IllegalStateException.class, account::confirmPending);
    }

    @Test
    void aTimeStepIsAcceptedOnceAndNeverAnOlderOne() {
        assertTrue(account.acceptStep(100));
        assertFalse(account.acceptStep(100), "replay");
        assertFalse(account.acceptStep(99), "older than the last one used");
        assertTrue(account.acceptStep(101));
    }

    @Test
    void disablingForgetsTheSecret() {
        account.beginSecondFactor(SecondFactor.APP, "SECRET");
        account.confirmPending();
        account.disableSecondFactor();
        assertEquals(SecondFactor.NONE, account.secondFactor());
        assertNull(account.otpSecret());
    }
}
