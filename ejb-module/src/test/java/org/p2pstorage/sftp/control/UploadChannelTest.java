package org.p2pstorage.sftp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UploadChannelTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void whatTheClientWritesIsTheUploadOnceItClosesTheFile() throws Exception {
        AtomicReference<byte[]> read = new AtomicReference<>();
        UploadChannel channel = new UploadChannel(in -> {
            try {
                read.set(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return CompletableFuture.completedFuture("id");
        }, workers);
        byte[] data = new byte[1_000_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        for (int off = 0; off < data.length; off += 32768) {
            channel.position(off);
            channel.write(ByteBuffer.wrap(data, off, Math.min(32768, data.length - off)));
        }
        channel.commit();
        channel.close();
        assertEquals("id", channel.settled().get(30, TimeUnit.SECONDS));
        assertArrayEquals(data, read.get());
    }

    @Test
    void theCloseDoesNotWaitForTheUploadToSettle() throws Exception {
        CompletableFuture<String> catalog = new CompletableFuture<>();
        UploadChannel channel = new UploadChannel(in -> {
            try {
                in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return catalog;
        }, workers);
        channel.write(ByteBuffer.wrap(new byte[1000]));
        channel.commit();
        channel.close();
        assertFalse(channel.settled().isDone(), "the upload is still transferring");
        catalog.complete("settled");
        assertEquals("settled", channel.settled().get(30, TimeUnit.SECONDS));
    }

    @Test
    void aHandleClosedWithoutTheClientEndsTheUploadInFailure() throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        UploadChannel channel = new UploadChannel(in -> {
            try {
                in.readAllBytes();
                return CompletableFuture.completedFuture("kept");
            } catch (IOException e) {
                failed.set(e);
                throw new UncheckedIOException(e);
            }
        }, workers);
        channel.write(ByteBuffer.wrap(new byte[100]));
        channel.close();
        assertThrows(ExecutionException.class, () -> channel.settled().get(30, TimeUnit.SECONDS));
        assertTrue(failed.get().getMessage().contains("went away"), String.valueOf(failed.get()));
    }

    @Test
    void writesGoInOrderAndARefusedUploadTellsWhy() throws Exception {
        UploadChannel channel = new UploadChannel(in -> {
            throw new IllegalStateException("your quota is full");
        }, workers);
        assertThrows(IOException.class, () -> channel.position(5));
        IOException refused = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                channel.write(ByteBuffer.wrap(new byte[10]));
            }
        });
        assertEquals("your quota is full", refused.getMessage());
        channel.commit();
        channel.close();
        ExecutionException settled = assertThrows(ExecutionException.class, () -> channel.settled().get(30, TimeUnit.SECONDS));
        assertEquals("your quota is full", settled.getCause().getMessage());
    }
}
