package org.p2pstorage.storage.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.FileRecord;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.storage.entity.ScrubVerdict;
import org.p2pstorage.storage.entity.StoreOutcome;

/**
 * One node's disk: a folder of chunk files, a capacity it never exceeds and a node-local manifest
 * ({@code manifest.log}) of what it holds, so that the catalog could be rebuilt from the nodes alone.
 * <p>
 * Capacity is counted from the files themselves when the store opens, and room for chunks that are
 * on their way is reserved when they are placed, so that two uploads can never promise the same bytes.
 * The manifest is an append-only log ({@code PUT key size sha256} / {@code DEL key} / {@code FILE …}, the
 * record of a file it holds chunks of), compacted at open: writing a chunk costs one short append, not a
 * rewrite of everything the node holds.
 */
public class ChunkStore {

    static final String MANIFEST = "manifest.log";
    private static final Logger LOG = Logger.getLogger(ChunkStore.class.getName());

    private record Entry(long size, String sha256) {
    }

    private final Path folder;
    private final long capacity;
    private final Map<ChunkKey, Entry> entries = new HashMap<>();
    private final Map<String, FileRecord> records = new HashMap<>();
    private long used;
    private long reserved;

    private ChunkStore(Path folder, long capacity) {
        this.folder = folder;
        this.capacity = capacity;
    }

    /** Opens (or creates) the store in {@code folder}, recounting what is on disk. */
    public static ChunkStore open(Path folder, long capacity) {
        ChunkStore store = new ChunkStore(folder, capacity);
        try {
            Files.createDirectories(folder);
            store.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open node storage " + folder, e);
        }
        return store;
    }

    private void load() throws IOException {
        Map<ChunkKey, String> recorded = readManifest();
        readRecords();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                    continue;
                }
                Optional<ChunkKey> key = ChunkKey.ofFileName(name);
                if (key.isEmpty()) {
                    continue;
                }
                long size = Files.size(file);
                String sha = recorded.get(key.get());
                if (sha == null) {
                    sha = Sha256.of(Files.readAllBytes(file));
                }
                entries.put(key.get(), new Entry(size, sha));
                used += size;
            }
        }
        compactManifest();
        if (used > capacity) {
            LOG.log(Level.WARNING, "{0} holds {1} bytes, more than its capacity of {2}",
                    new Object[]{folder, used, capacity});
        }
    }

    private Map<ChunkKey, String> readManifest() throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        Map<ChunkKey, String> recorded = new LinkedHashMap<>();
        if (!Files.exists(manifest)) {
            return recorded;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split(" ");
            Optional<ChunkKey> key = parts.length > 1 && !parts[0].equals("FILE") ? ChunkKey.ofFileName(parts[1])
                    : Optional.empty();
            if (key.isEmpty()) {
                continue;
            }
            if (parts[0].equals("PUT") && parts.length == 4) {
                recorded.put(key.get(), parts[3]);
            } else if (parts[0].equals("DEL")) {
                recorded.remove(key.get());
            }
        }
        return recorded;
    }

    private void readRecords() throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                FileRecord.ofLine(line).ifPresent(r -> records.put(r.fileId(), r));
            }
        }
    }

    private void compactManifest() throws IOException {
        Path tmp = folder.resolve(MANIFEST + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Map.Entry<ChunkKey, Entry> e : entries.entrySet()) {
                out.write(putLine(e.getKey(), e.getValue()));
            }
            Set<String> held = new HashSet<>();
            entries.keySet().forEach(k -> held.add(k.fileId()));
            records.keySet().retainAll(held);
            for (FileRecord record : records.values()) {
                out.write(record.toLine());
            }
        }
        Files.move(tmp, folder.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String putLine(ChunkKey key, Entry entry) {
        return "PUT " + key.fileName() + " " + entry.size() + " " + entry.sha256() + "\n";
    }

    private void appendManifest(String line) throws IOException {
        Files.writeString(folder.resolve(MANIFEST), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Promises room for a chunk that is on its way; false when the node cannot take it. */
    public synchronized boolean reserve(long bytes) {
        if (used + reserved + bytes > capacity) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    /** Gives back room promised by {@link #reserve} for a chunk that will not arrive. */
    public synchronized void release(long bytes) {
        reserved = Math.max(0, reserved - bytes);
    }

    /**
     * Writes a chunk that was reserved for ({@code wasReserved}), or arrives unannounced (after a restart, or sent
     * by another server, which promised the room on its own books). The bytes are
     * checked against their SHA-256 first; a chunk already held with the same content is a redelivery
     * and is stored once.
     */
    public synchronized StoreOutcome write(ChunkKey key, byte[] data, String sha256, boolean wasReserved) {
        if (wasReserved) {
            release(data.length);
        }
        if (!Sha256.of(data).equals(sha256)) {
            return StoreOutcome.CORRUPT;
        }
        Entry existing = entries.get(key);
        if (existing != null && existing.sha256().equals(sha256)) {
            return StoreOutcome.STORED;
        }
        long freed = existing == null ? 0 : existing.size();
        if (used - freed + reserved + data.length > capacity) {
            return StoreOutcome.NO_ROOM;
        }
        Path target = folder.resolve(key.fileName());
        Path tmp = folder.resolve(key.fileName() + ".tmp");
        try {
            Files.write(tmp, data);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Entry entry = new Entry(data.length, sha256);
            appendManifest(putLine(key, entry));
            entries.put(key, entry);
            used += data.length - freed;
            return StoreOutcome.STORED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The chunk's bytes as they are on disk, unchecked: the reader verifies them against the catalog. */
    public synchronized Optional<byte[]> read(ChunkKey key) {
        if (!entries.containsKey(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(folder.resolve(key.fileName())));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key.fileName(), e);
        }
    }

    /** Whether the node holds the chunk with this size: in its manifest and on its disk. */
    public synchronized boolean holds(ChunkKey key, long size) {
        Entry entry = entries.get(key);
        if (entry == null || entry.size() != size) {
            return false;
        }
        try {
            return Files.size(folder.resolve(key.fileName())) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes a chunk and frees its room; returns the bytes freed (0 when it was not there). */
    public synchronized long delete(ChunkKey key) {
        Entry entry = entries.remove(key);
        if (entry == null) {
            return 0;
        }
        try {
            Files.deleteIfExists(folder.resolve(key.fileName()));
            appendManifest("DEL " + key.fileName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key.fileName(), e);
        }
        used -= entry.size();
        return entry.size();
    }

    /** Keeps the file's record in the manifest (once: an unchanged record is not written again). */
    public synchronized void record(FileRecord record) {
        if (Objects.equals(records.get(record.fileId()), record)) {
            return;
        }
        try {
            appendManifest(record.toLine());
            records.put(record.fileId(), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record file " + record.fileId(), e);
        }
    }

    /** The chunks this node holds, as its manifest says. */
    public synchronized List<HeldChunk> held() {
        List<HeldChunk> held = new ArrayList<>(entries.size());
        entries.forEach((key, entry) -> held.add(new HeldChunk(key, entry.size(), entry.sha256())));
        return held;
    }

    /** The records of the files this node holds chunks of. */
    public synchronized List<FileRecord> records() {
        return List.copyOf(records.values());
    }

    /**
     * Re-reads a chunk from disk and checks it against the SHA-256 it was written with. Reading happens
     * outside the lock on the store, so a scrub does not hold up writes; the chunk may be deleted meanwhile.
     */
    public ScrubVerdict verify(ChunkKey key) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        if (entry == null) {
            return ScrubVerdict.GONE;
        }
        try {
            byte[] data = Files.readAllBytes(folder.resolve(key.fileName()));
            return data.length == entry.size() && Sha256.of(data).equals(entry.sha256())
                    ? ScrubVerdict.GOOD : ScrubVerdict.DAMAGED;
        } catch (java.nio.file.NoSuchFileException e) {
            synchronized (this) {
                return entries.containsKey(key) ? ScrubVerdict.DAMAGED : ScrubVerdict.GONE;
            }
        } catch (IOException e) {
            return ScrubVerdict.DAMAGED;
        }
    }

    public synchronized long used() {
        return used;
    }

    public synchronized long reserved() {
        return reserved;
    }

    public long capacity() {
        return capacity;
    }

    public synchronized int segments() {
        return entries.size();
    }
}
