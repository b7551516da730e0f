package org.p2pstorage.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.p2pstorage.failure.entity.Failure;

class QuotaLimitTest {

    @Test
    void aPutUpToWhatIsLeftGoesThrough() throws Exception {
        QuotaLimit in = new QuotaLimit(new ByteArrayInputStream(new byte[1000]), 3000, 2000);
        assertEquals(1000, in.readAllBytes().length);
    }

    @Test
    void aPutPastWhatIsLeftStopsWithTheQuotasWords() {
        QuotaLimit in = new QuotaLimit(new ByteArrayInputStream(new byte[1001]), 3000, 2000);
        Failure over = assertThrows(Failure.class, in::readAllBytes);
        assertEquals(Failure.Kind.OVER_QUOTA, over.kind());
        assertTrue(over.getMessage().contains("your quota of"), over.getMessage());
    }
}
