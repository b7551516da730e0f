package org.p2pstorage.account.entity;

/**
 * A user's storage allowance: the bytes their files may take (the sizes of the files, not of their
 * replicas), what they take now, and whether an admin set it ({@code custom}) or it is the default.
 */
public record Quota(long quotaBytes, long usedBytes, boolean custom) {

    public long leftBytes() {
        return Math.max(0, quotaBytes - usedBytes);
    }
}
