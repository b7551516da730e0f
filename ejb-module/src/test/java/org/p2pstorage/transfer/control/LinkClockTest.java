package org.p2pstorage.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p2pstorage.transfer.entity.Booking;
import org.p2pstorage.transfer.entity.LinkSettings;

class LinkClockTest {

    private static final long MS = 1_000_000L;
    private static final long RTO = 200 * MS;
    private static final Draws DRAWS = new Draws(42);

    @Test
    void bytesAreSerializedOnTheWireAtTheConfiguredBandwidth() {
        LinkClock link = new LinkClock(new LinkSettings(65_536, 0, 0, 0), RTO);

        Booking first = link.book(0, 65_536, "a", DRAWS);
        Booking second = link.book(0, 65_536, "b", DRAWS);

        assertEquals(0, first.startNanos());
        assertEquals(1_000 * MS, first.arrivalNanos(), "64 KiB at 64 KiB/s takes one second");
        assertEquals(1_000 * MS, second.startNanos(), "the second waits for the wire");
        assertEquals(2_000 * MS, second.arrivalNanos());
    }

    @Test
    void oneMebibyteToOneNodeTakesSixteenSeconds() {
        LinkClock link = new LinkClock(new LinkSettings(65_536, 0, 0, 0), RTO);
        Booking last = null;
        for (int i = 0; i < 16; i++) {
            last = link.book(0, 65_536, "chunk-" + i, DRAWS);
        }
        assertEquals(16_000 * MS, last.arrivalNanos());
    }

    @Test
    void anIdleLinkStartsWhenTheSenderIsReady() {
        LinkClock link = new LinkClock(new LinkSettings(65_536, 0, 0, 0), RTO);
        link.book(0, 65_536, "a", DRAWS);

        Booking later = link.book(5_000 * MS, 32_768, "b", DRAWS);

        assertEquals(5_000 * MS, later.startNanos());
        assertEquals(5_500 * MS, later.arrivalNanos());
    }

    @Test
    void propagationDelayIsDrawnWithinItsRangeAndAddedAfterTransmission() {
        LinkClock link = new LinkClock(new LinkSettings(0, 1, 10, 0), RTO);
        for (int i = 0; i < 200; i++) {
            Booking booking = link.book(0, 65_536, "k" + i, DRAWS);
            assertTrue(booking.delayMs() >= 1 && booking.delayMs() <= 10, "delay " + booking.delayMs());
            assertEquals(booking.delayMs() * MS, booking.arrivalNanos(), "unthrottled: only the delay");
        }
    }

    @Test
    void aLostPacketCostsLinkTimeAndATimeoutBeforeItIsSentAgain() {
        LinkClock link = new LinkClock(new LinkSettings(65_536, 0, 0, 0.5), RTO);
        Booking lossy = null;
        String key = null;
        for (int i = 0; lossy == null; i++) {
            LinkClock probe = new LinkClock(new LinkSettings(65_536, 0, 0, 0.5), RTO);
            Booking b = probe.book(0, 65_536, "p" + i, DRAWS);
            if (b.attempts() == 2) {
                lossy = b;
                key = "p" + i;
            }
        }
        Booking booked = link.book(0, 65_536, key, DRAWS);

        assertEquals(2, booked.attempts());
        assertEquals(1, booked.retransmissions());
        assertEquals(1_000 * MS + RTO + 1_000 * MS, booked.arrivalNanos(), "sent, lost, timeout, sent again");
        assertEquals(booked.arrivalNanos(), link.freeAt(), "the retransmission occupied the link too");
    }

    @Test
    void theMeasuredLossRateFollowsTheSetting() {
        LinkClock link = new LinkClock(new LinkSettings(0, 0, 0, 0.15), RTO);
        int attempts = 0;
        int chunks = 20_000;
        for (int i = 0; i < chunks; i++) {
            attempts += link.book(0, 1, "c" + i, DRAWS).attempts();
        }
        double lossRate = (attempts - chunks) / (double) attempts;
        assertEquals(0.15, lossRate, 0.01);
    }

    @Test
    void theSameSeedAndWorkloadGiveTheSameTrace() {
        assertEquals(trace(7), trace(7));
        assertTrue(!trace(7).equals(trace(8)), "another seed gives another trace");
    }

    @Test
    void newSettingsApplyToTheNextBooking() {
        LinkClock link = new LinkClock(new LinkSettings(65_536, 0, 0, 0), RTO);
        link.book(0, 65_536, "a", DRAWS);
        link.change(new LinkSettings(131_072, 0, 0, 0));

        Booking faster = link.book(0, 65_536, "b", DRAWS);

        assertEquals(1_500 * MS, faster.arrivalNanos());
    }

    @Test
    void holdBackKeepsSendersWithinTheHorizon() {
        LinkClock link = new LinkClock(new LinkSettings(65_536, 0, 0, 0), RTO);
        assertEquals(0, link.holdBack(-5_000 * MS, 500 * MS), "an unused link holds nobody back");
        for (int i = 0; i < 3; i++) {
            link.book(0, 65_536, "c" + i, DRAWS);
        }
        assertEquals(2_500 * MS, link.holdBack(0, 500 * MS));
        assertEquals(0, link.holdBack(2_600 * MS, 500 * MS));
    }

    private static List<String> trace(long seed) {
        Draws draws = new Draws(seed);
        LinkClock link = new LinkClock(new LinkSettings(65_536, 1, 10, 0.2), RTO);
        List<String> trace = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Booking b = link.book(0, 65_536, "chunk-" + i, draws);
            trace.add(b.attempts() + "/" + b.delayMs() + "/" + b.arrivalNanos());
        }
        return trace;
    }
}
