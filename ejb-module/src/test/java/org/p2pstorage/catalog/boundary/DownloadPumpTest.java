package org.p2pstorage.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p2pstorage.catalog.entity.ChunkSource;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.integrity.entity.Sha256;

class DownloadPumpTest {

    private static final int CHUNK = 1024;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A file's chunks on one node: each read counted, the reads in flight at once measured, some chunks lost. */
    private static final class Catalog extends Downloads {
        final byte[] bytes;
        final AtomicInteger reading = new AtomicInteger();
        final AtomicInteger mostReadingAtOnce = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        volatile int lostChunk = -1;
        final long arrivalDelayNanos;

        Catalog(byte[] bytes, long arrivalDelayNanos) {
            this.bytes = bytes;
            this.arrivalDelayNanos = arrivalDelayNanos;
        }

        int chunks() {
            return (bytes.length + CHUNK - 1) / CHUNK;
        }

        ChunkSource source(int index) {
            return new ChunkSource("f", index, size(index), Sha256.of(slice(index)), List.of("Node_01"));
        }

        int size(int index) {
            return Math.min(CHUNK, bytes.length - index * CHUNK);
        }

        byte[] slice(int index) {
            byte[] data = new byte[size(index)];
            System.arraycopy(bytes, index * CHUNK, data, 0, data.length);
            return data;
        }

        Download download(String sha256) {
            return new Download("f", "f.bin", bytes.length, sha256, chunks(),
                    IntStream.range(0, chunks()).mapToObj(this::source).toList());
        }

        @Override
        public int window() {
            return 10;
        }

        final Map<Integer, Long> arrivals = new ConcurrentHashMap<>();

        @Override
        public Booked book(ChunkSource chunk) {
            long arrival = System.nanoTime() + arrivalDelayNanos;
            arrivals.put(chunk.index(), arrival);
            return new Booked("Node_01", arrival);
        }

        @Override
        public CompletableFuture<Optional<Fetched>> fetch(ChunkSource chunk, Booked booked) {
            int now = reading.incrementAndGet();
            mostReadingAtOnce.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(2); // a disk read
                reads.incrementAndGet();
                return CompletableFuture.completedFuture(chunk.index() == lostChunk ? Optional.empty()
                        : Optional.of(new Fetched(slice(chunk.index()), booked.arrivalNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.completedFuture(Optional.empty());
            } finally {
                reading.decrementAndGet();
            }
        }
    }

    /** A client that takes bytes while it is ready, and says how the download ended. */
    private static final class Client implements DownloadPump.Sink {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final CompletableFuture<String> ended = new CompletableFuture<>();
        final List<Long> writtenAt = new CopyOnWriteArrayList<>();
        volatile boolean ready = true;
        int writes;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void write(byte[] data) {
            received.writeBytes(data);
            writtenAt.add(System.nanoTime());
            writes++;
        }

        @Override
        public void completed() {
            ended.complete("completed");
        }

        @Override
        public void failed(String why) {
            ended.complete("failed: " + why);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void everyByteArrivesInOrderAndTheReadAheadIsBounded() throws Exception {
        Catalog catalog = new Catalog(random(40 * CHUNK + 100), 0);
        Client client = new Client();
        new DownloadPump(catalog.download(Sha256.of(catalog.bytes)), catalog, scheduler, client).pump();
        assertEquals("completed", client.ended.get(10, TimeUnit.SECONDS));
        assertArrayEquals(catalog.bytes, client.received.toByteArray());
        assertEquals(41, catalog.reads.get(), "each chunk read once");
        assertTrue(catalog.mostReadingAtOnce.get() <= DownloadPump.READ_AHEAD, "read-ahead bounded: " + catalog.mostReadingAtOnce);
    }

    @Test
    void aClientThatIsNotReadyGetsNothingUntilItsTransportWakesThePump() throws Exception {
        Catalog catalog = new Catalog(random(8 * CHUNK), 0);
        Client client = new Client();
        client.ready = false;
        DownloadPump pump = new DownloadPump(catalog.download(Sha256.of(catalog.bytes)), catalog, scheduler, client);
        pump.pump();
        Thread.sleep(100);
        assertEquals(0, client.writes, "nothing written to a client that cannot take it");
        assertTrue(catalog.reads.get() <= DownloadPump.READ_AHEAD, "only the read-ahead was read: " + catalog.reads);
        client.ready = true;
        pump.pump();
        assertEquals("completed", client.ended.get(10, TimeUnit.SECONDS));
        assertArrayEquals(catalog.bytes, client.received.toByteArray());
    }

    @Test
    void chunksDueLaterOnAThrottledLinkAreNotReadAheadUntilTheyNear() throws Exception {
        Catalog catalog = new Catalog(random(12 * CHUNK), TimeUnit.MILLISECONDS.toNanos(700));
        Client client = new Client();
        new DownloadPump(catalog.download(Sha256.of(catalog.bytes)), catalog, scheduler, client).pump();
        Thread.sleep(200);
        assertEquals(DownloadPump.ALWAYS_AHEAD, catalog.reads.get(), "only the next chunks are held while the link is slow");
        assertEquals(0, client.writes);
        assertEquals("completed", client.ended.get(10, TimeUnit.SECONDS));
        assertArrayEquals(catalog.bytes, client.received.toByteArray());
    }

    @Test
    void chunksAreHandedOnOnlyOnceTheLinkModelSaysTheyArrived() throws Exception {
        long delay = TimeUnit.MILLISECONDS.toNanos(300);
        Catalog catalog = new Catalog(random(3 * CHUNK), delay);
        Client client = new Client();
        DownloadPump pump = new DownloadPump(catalog.download(Sha256.of(catalog.bytes)), catalog, scheduler, client);
        pump.pump();
        assertEquals("completed", client.ended.get(10, TimeUnit.SECONDS));
        for (int i = 0; i < 3; i++) {
            assertTrue(client.writtenAt.get(i) >= catalog.arrivals.get(i), "chunk " + i + " handed on before the model's arrival");
        }
        assertArrayEquals(catalog.bytes, client.received.toByteArray());
    }

    @Test
    void aChunkWithNoGoodCopyStopsTheDownloadBeforeIt() throws Exception {
        Catalog catalog = new Catalog(random(10 * CHUNK), 0);
        catalog.lostChunk = 6;
        Client client = new Client();
        new DownloadPump(catalog.download(Sha256.of(catalog.bytes)), catalog, scheduler, client).pump();
        assertEquals("failed: chunk 6 has no good copy left", client.ended.get(10, TimeUnit.SECONDS));
        assertEquals(6 * CHUNK, client.received.size(), "the chunks before it, nothing after");
    }

    @Test
    void bytesThatDoNotMatchTheFilesDigestEndInAFailureNotACompletion() throws Exception {
        Catalog catalog = new Catalog(random(5 * CHUNK), 0);
        Client client = new Client();
        new DownloadPump(catalog.download("0".repeat(64)), catalog, scheduler, client).pump();
        assertEquals("failed: the bytes sent do not match the file's SHA-256", client.ended.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aCancelledDownloadHandsNothingOnAndCannotBeCancelledTwice() throws Exception {
        Catalog catalog = new Catalog(random(20 * CHUNK), TimeUnit.MILLISECONDS.toNanos(200));
        Client client = new Client();
        DownloadPump pump = new DownloadPump(catalog.download(Sha256.of(catalog.bytes)), catalog, scheduler, client);
        pump.pump();
        assertTrue(pump.cancel());
        assertEquals(false, pump.cancel());
        Thread.sleep(400);
        assertEquals(0, client.writes);
        assertEquals(false, client.ended.isDone(), "a cancelled download neither completes nor fails");
    }
}
