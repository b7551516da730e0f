package org.p2pstorage.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepairBudgetTest {

    private static final long MS = 1_000_000;

    @Test
    void aFreshBudgetAdmitsRepairAtOnce() {
        RepairBudget budget = new RepairBudget();
        assertTrue(budget.admits(5 * MS, 500 * MS));
        assertEquals(5 * MS, budget.nextSlot(5 * MS));
    }

    @Test
    void atHalfTheLinkATransmissionUsesTwiceItsTime() {
        RepairBudget budget = new RepairBudget();
        budget.use(0, 100 * MS, 0.5);
        assertEquals(200 * MS, budget.nextSlot(0), "100 ms on the wire at a share of 0.5 costs 200 ms of budget");
        budget.use(budget.nextSlot(0), 100 * MS, 0.5);
        assertEquals(400 * MS, budget.nextSlot(0), "back to back, no gap and no overlap");
    }

    @Test
    void repairBooksNoFurtherAheadThanTheHorizon() {
        RepairBudget budget = new RepairBudget();
        budget.use(0, 300 * MS, 0.5);
        assertFalse(budget.admits(0, 500 * MS), "600 ms booked is past a 500 ms horizon");
        assertTrue(budget.admits(100 * MS, 500 * MS), "100 ms later it is within it");
    }

    @Test
    void anUnthrottledLinkNeverHoldsRepairBack() {
        RepairBudget budget = new RepairBudget();
        for (int i = 0; i < 1000; i++) {
            budget.use(budget.nextSlot(7), 0, 0.5);
        }
        assertTrue(budget.admits(7, 0));
    }

    @Test
    void theShareMustBeAPartOfTheLink() {
        assertThrows(IllegalArgumentException.class, () -> new RepairBudget().use(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RepairBudget().use(0, 1, 1.5));
    }
}
