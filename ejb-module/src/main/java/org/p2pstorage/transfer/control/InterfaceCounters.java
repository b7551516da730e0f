package org.p2pstorage.transfer.control;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.PacketType;

/**
 * The counters of one network interface. Counting is cheap and lock-free (no row per packet);
 * received data bytes are also kept in 100 ms buckets of their arrival time, for the throughput.
 */
public class InterfaceCounters {

    private static final long BUCKET_NANOS = 100_000_000L;
    private static final int BUCKETS = 64;
    private static final long CURRENT_WINDOW_NANOS = 2_000_000_000L;

    private final String id;
    private final String address;
    private final Map<PacketType, LongAdder> sent = new EnumMap<>(PacketType.class);
    private final Map<PacketType, LongAdder> received = new EnumMap<>(PacketType.class);
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder retransmissions = new LongAdder();
    private final LongAdder dataLost = new LongAdder();
    private final AtomicLongArray bucketBytes = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray bucketIds = new AtomicLongArray(BUCKETS);
    private long firstStart = Long.MAX_VALUE;
    private long lastArrival = Long.MIN_VALUE;
    private long busyBytes;

    public InterfaceCounters(String id, String address) {
        this.id = id;
        this.address = address;
        for (PacketType type : PacketType.values()) {
            sent.put(type, new LongAdder());
            received.put(type, new LongAdder());
        }
    }

    public void sent(PacketType type, long bytes) {
        sent.get(type).increment();
        bytesSent.add(bytes);
    }

    public void received(PacketType type) {
        received.get(type).increment();
    }

    public void lost() {
        dataLost.increment();
    }

    /** This interface sent a data packet again (retransmissions are counted by their sender). */
    public void retransmitted() {
        retransmissions.increment();
    }

    /** Data bytes that start towards this interface at {@code startNanos} and reach it at {@code arrivalNanos}. */
    public synchronized void dataArrives(long bytes, long startNanos, long arrivalNanos) {
        received.get(PacketType.DATA).increment();
        bytesReceived.add(bytes);
        long bucket = Math.floorDiv(arrivalNanos, BUCKET_NANOS);
        int slot = (int) Math.floorMod(bucket, BUCKETS);
        if (bucketIds.get(slot) != bucket) {
            bucketIds.set(slot, bucket);
            bucketBytes.set(slot, 0);
        }
        bucketBytes.addAndGet(slot, bytes);
        firstStart = Math.min(firstStart, startNanos);
        lastArrival = Math.max(lastArrival, arrivalNanos);
        busyBytes += bytes;
    }

    public synchronized InterfaceStatistics snapshot(long now) {
        long lastBucket = Math.floorDiv(now, BUCKET_NANOS);
        long windowBuckets = CURRENT_WINDOW_NANOS / BUCKET_NANOS;
        long recent = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long bucket = bucketIds.get(i);
            if (bucket <= lastBucket && bucket > lastBucket - windowBuckets) {
                recent += bucketBytes.get(i);
            }
        }
        double current = recent / (CURRENT_WINDOW_NANOS / 1e9);
        long arrivedBy = Math.min(now, lastArrival);
        double average = arrivedBy > firstStart ? busyBytes / ((arrivedBy - firstStart) / 1e9) : 0;
        long offered = Math.max(sent.get(PacketType.DATA).sum(), received.get(PacketType.DATA).sum() + dataLost.sum());
        double loss = offered == 0 ? 0 : dataLost.sum() / (double) offered;
        return new InterfaceStatistics(id, address, sums(sent), sums(received), bytesSent.sum(), bytesReceived.sum(),
                retransmissions.sum(), loss, current, average);
    }

    private static Map<PacketType, Long> sums(Map<PacketType, LongAdder> counters) {
        Map<PacketType, Long> sums = new EnumMap<>(PacketType.class);
        counters.forEach((type, adder) -> sums.put(type, adder.sum()));
        return sums;
    }

    /** The sum of several interfaces, as one. */
    public static InterfaceStatistics total(Iterable<InterfaceStatistics> all) {
        Map<PacketType, Long> sent = new EnumMap<>(PacketType.class);
        Map<PacketType, Long> received = new EnumMap<>(PacketType.class);
        long bytesSent = 0;
        long bytesReceived = 0;
        long retransmissions = 0;
        double current = 0;
        double average = 0;
        long dataSent = 0;
        long dataReceived = 0;
        for (InterfaceStatistics s : all) {
            s.packetsSent().forEach((type, n) -> sent.merge(type, n, Long::sum));
            s.packetsReceived().forEach((type, n) -> received.merge(type, n, Long::sum));
            bytesSent += s.bytesSent();
            bytesReceived += s.bytesReceived();
            retransmissions += s.retransmissions();
            current += s.currentThroughputBytesPerSecond();
            average += s.averageThroughputBytesPerSecond();
            dataSent += s.packetsSent().getOrDefault(PacketType.DATA, 0L);
            dataReceived += s.packetsReceived().getOrDefault(PacketType.DATA, 0L);
        }
        double loss = dataSent == 0 ? 0 : Math.max(0, dataSent - dataReceived) / (double) dataSent;
        return new InterfaceStatistics("total", "192.168.1.0/24", sent, received, bytesSent, bytesReceived,
                retransmissions, loss, current, average);
    }
}
