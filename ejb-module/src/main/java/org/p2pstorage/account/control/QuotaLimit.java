package org.p2pstorage.account.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;

/**
 * An upload's body as far as the owner's quota goes. A body of unknown size (an SFTP put, a chunked REST
 * body, a gRPC stream without a size) passes the quota's check before anything is sent with only some room
 * left, and a declared size binds nothing a client sends after it; so every upload reads through this, which
 * stops it with the quota's words as soon as the bytes read go past what the owner had left when it started
 * (the upload then leaves nothing, as any refused one).
 */
public class QuotaLimit extends FilterInputStream {

    private final long left;
    private final long quota;
    private final long used;
    private long read;

    public QuotaLimit(InputStream in, long quotaBytes, long usedBytes) {
        super(in);
        this.quota = quotaBytes;
        this.used = usedBytes;
        this.left = Math.max(0, quotaBytes - usedBytes);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > left) {
            throw new Failure(Failure.Kind.OVER_QUOTA, "the file is larger than the " + DataSize.format(left)
                    + " left of your quota of " + DataSize.format(quota) + " (" + DataSize.format(used)
                    + " used); delete files or ask an admin for more");
        }
    }
}
