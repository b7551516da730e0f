package org.p2pstorage.sftp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadChannelTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final byte[] data = new byte[3 * ReadChannel.PIECE_BYTES * ReadChannel.PIECES + 123];

    ReadChannelTest() {
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13);
        }
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private ReadChannel channel() {
        return new ReadChannel(data.length, out -> {
            for (int off = 0; off < data.length; off += 5000) {
                out.write(data, off, Math.min(5000, data.length - off));
            }
        }, workers);
    }

    @Test
    void readsInOrderGiveTheWholeFile() throws Exception {
        ReadChannel channel = channel();
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(32768);
        long offset = 0;
        while (true) {
            buffer.clear();
            channel.position(offset);
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            back.write(buffer.array(), 0, n);
            offset += n;
        }
        assertArrayEquals(data, back.toByteArray());
        channel.close();
    }

    @Test
    void aReadFurtherOnSkipsAndAReadBackIsRefused() throws Exception {
        ReadChannel channel = channel();
        ByteBuffer buffer = ByteBuffer.allocate(10);
        channel.position(100_000);
        assertEquals(10, channel.read(buffer));
        assertEquals(data[100_000], buffer.get(0));
        channel.position(5);
        assertThrows(IOException.class, () -> channel.read(ByteBuffer.allocate(10)));
        channel.close();
    }

    @Test
    void aFailedDownloadFailsTheRead() {
        ReadChannel channel = new ReadChannel(100, out -> {
            throw new IOException("chunk 0 is damaged on every node");
        }, workers);
        IOException failed = assertThrows(IOException.class, () -> channel.read(ByteBuffer.allocate(10)));
        assertEquals("chunk 0 is damaged on every node", failed.getMessage());
    }
}
