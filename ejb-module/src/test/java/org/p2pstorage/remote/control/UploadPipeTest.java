package org.p2pstorage.remote.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.ByteString;

import org.junit.jupiter.api.Test;

class UploadPipeTest {

    @Test
    void theReaderGetsTheMessagesInOrderAndAsksForOneMoreForEachItTakes() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        UploadPipe pipe = new UploadPipe(2, asked::incrementAndGet);
        pipe.offer(ByteString.copyFromUtf8("hello "));
        pipe.offer(ByteString.copyFromUtf8("world"));
        pipe.end();

        assertArrayEquals("hello world".getBytes(), pipe.readAllBytes());
        assertEquals(2, asked.get());
        assertEquals(-1, pipe.read());
    }

    @Test
    void aClientThatGoesAwayFailsTheReader() {
        UploadPipe pipe = new UploadPipe(2, () -> { });
        pipe.offer(ByteString.copyFromUtf8("part"));
        pipe.fail("the client cancelled the upload");

        IOException failure = assertThrows(IOException.class, pipe::readAllBytes);
        assertEquals("the client cancelled the upload", failure.getMessage());
        assertThrows(IOException.class, pipe::read);
    }

    @Test
    void moreThanTheWindowIsRefusedRatherThanKept() {
        UploadPipe pipe = new UploadPipe(1, () -> { });
        for (int i = 0; i < 4; i++) {
            pipe.offer(ByteString.copyFromUtf8("x"));
        }
        assertThrows(IOException.class, pipe::readAllBytes);
    }
}
