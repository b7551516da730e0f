package org.p2pstorage.it;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/**
 * Deterministic random bytes of any size, made as they are read: a 50 MB upload costs no memory,
 * and the same size and seed always give the same bytes and the same SHA-256.
 */
public record RandomContent(long size, long seed) {

    public InputStream stream() {
        return new InputStream() {
            private final Random random = new Random(seed);
            private final byte[] block = new byte[8192];
            private int blockPos = block.length;
            private long remaining = size;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (remaining == 0) {
                    return -1;
                }
                if (blockPos == block.length) {
                    random.nextBytes(block);
                    blockPos = 0;
                }
                int n = (int) Math.min(Math.min(len, block.length - blockPos), remaining);
                System.arraycopy(block, blockPos, b, off, n);
                blockPos += n;
                remaining -= n;
                return n;
            }
        };
    }

    public byte[] bytes() throws IOException {
        try (InputStream in = stream()) {
            return in.readAllBytes();
        }
    }

    public String sha256() throws IOException {
        return Digests.sha256(stream());
    }
}
