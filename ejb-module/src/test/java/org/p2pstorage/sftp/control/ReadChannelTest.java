package org.p2pstorage.sftp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The channel as an SFTP session and a download drive it: every call on the test's thread, in a chosen order. */
class ReadChannelTest {

    private static final int CHUNK = 64 * 1024;
    private final byte[] data = new byte[3 * CHUNK * ReadChannel.PIECES + 123];
    private final Download download = new Download();
    private final ReadChannel channel = new ReadChannel(data.length, download);

    ReadChannelTest() {
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13);
        }
    }

    /** The download's side: counts the times it is asked for more and stopped, hands in chunks when told. */
    private final class Download implements ReadChannel.Source {
        int asked;
        boolean stopped;
        int next;

        @Override
        public void more() {
            asked++;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        /** Hands in chunks while the channel has room, as the pump does; returns how many. */
        int pump() {
            int handed = 0;
            while (next * CHUNK < data.length && channel.hasRoom()) {
                channel.add(Arrays.copyOfRange(data, next * CHUNK, Math.min(data.length, (next + 1) * CHUNK)));
                next++;
                handed++;
            }
            if (next * CHUNK >= data.length) {
                channel.end();
            }
            return handed;
        }
    }

    /** One read's answer, as the SFTP reply would carry it. */
    private static final class Reply implements ReadChannel.Answer {
        byte[] bytes;
        EOFException end;
        IOException failure;

        @Override
        public void data(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void end(EOFException end) {
            this.end = end;
        }

        @Override
        public void failed(IOException failure) {
            this.failure = failure;
        }

        boolean answered() {
            return bytes != null || end != null || failure != null;
        }
    }

    private Reply read(long offset, int length) {
        Reply reply = new Reply();
        channel.read(offset, length, reply);
        return reply;
    }

    @Test
    void readsWaitForTheirChunksAndGiveTheWholeFileInOrder() {
        List<Reply> replies = new ArrayList<>();
        for (long offset = 0; offset <= data.length; offset += 32768) {
            replies.add(read(offset, 32768));
        }
        assertEquals(1, download.asked, "the first read starts the download");
        assertFalse(replies.get(0).answered(), "nothing has arrived yet: the read waits, no thread does");
        assertEquals(ReadChannel.PIECES * 3 + 1, download.pump(), "reads waiting for them take the chunks as they come");
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        for (Reply reply : replies) {
            if (reply.bytes != null) {
                back.writeBytes(reply.bytes);
            } else {
                assertTrue(reply.end != null, "the read past the end is an end of file");
            }
        }
        assertArrayEquals(data, back.toByteArray());
    }

    @Test
    void aFullQueueHoldsTheDownloadBackUntilTheClientReadsOn() {
        read(0, 10);
        assertEquals(ReadChannel.PIECES, download.pump(), "the queue fills, the first chunk partly read");
        assertFalse(channel.hasRoom());
        assertEquals(1, download.asked);
        Reply next = read(10, CHUNK);
        assertArrayEquals(Arrays.copyOfRange(data, 10, 10 + CHUNK), next.bytes);
        assertEquals(2, download.asked, "room made: the download is asked for more");
    }

    @Test
    void theLastByteWaitsForTheWholeFileCheckAndAFailureReachesEveryRead() {
        byte[] small = Arrays.copyOf(data, 1000);
        ReadChannel file = new ReadChannel(small.length, download);
        Reply all = new Reply();
        file.read(0, 4096, all);
        file.add(small);
        assertFalse(all.answered(), "the last byte is held until the file has matched its SHA-256");
        file.fail("the bytes sent do not match the file's SHA-256");
        assertEquals("the bytes sent do not match the file's SHA-256", all.failure.getMessage());
        Reply later = new Reply();
        file.read(1000, 10, later);
        assertEquals("the bytes sent do not match the file's SHA-256", later.failure.getMessage());
    }

    @Test
    void readsPastTheEndSentBeforeTheRereadOfAShortLastBlockAllEndTheFile() {
        List<Reply> replies = new ArrayList<>();
        long last = data.length - data.length % 32768;
        for (long offset = 0; offset <= last + 32768; offset += 32768) {
            replies.add(read(offset, 32768));
        }
        download.pump();
        Reply shortBlock = replies.get((int) (last / 32768));
        assertEquals(data.length - last, shortBlock.bytes.length, "the last block is short");
        Reply reread = read(data.length, 32768 - shortBlock.bytes.length);
        assertTrue(replies.get(replies.size() - 1).end != null, "a read past the end, sent first, ends the file");
        assertTrue(reread.end != null, "OpenSSH's re-read of a short block's rest ends the file");
    }

    @Test
    void aReadFurtherOnSkipsAndAReadBackIsRefused() {
        Reply further = read(100_000, 10);
        download.pump();
        assertArrayEquals(Arrays.copyOfRange(data, 100_000, 100_010), further.bytes);
        Reply back = read(5, 10);
        assertTrue(back.failure.getMessage().contains("cannot go back"), String.valueOf(back.failure));
    }

    @Test
    void closingAnswersTheWaitingReadsAndStopsTheDownload() {
        Reply waiting = read(0, 10);
        channel.close();
        assertEquals("the file is closed", waiting.failure.getMessage());
        assertTrue(download.stopped);
        assertEquals("the file is closed", read(0, 10).failure.getMessage());
    }

    @Test
    void aClientCannotQueueReadsWithoutEnd() {
        for (int i = 0; i < ReadChannel.MAX_WAITING; i++) {
            assertFalse(read(i, 1).answered());
        }
        Reply tooMany = read(ReadChannel.MAX_WAITING, 1);
        assertTrue(tooMany.failure.getMessage().contains("wait at once"), String.valueOf(tooMany.failure));
    }
}
