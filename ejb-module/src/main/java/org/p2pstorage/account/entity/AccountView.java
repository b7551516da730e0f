package org.p2pstorage.account.entity;

import java.time.Instant;

/** The signed-in user as {@code /api/auth/me} shows them. */
public record AccountView(String username, String email, String role, String secondFactor, Instant createdAt,
                          Instant lastLoginAt, String lastLoginIp, int backupCodesLeft, long quotaBytes,
                          long usedBytes) {

    public static AccountView of(UserAccount account, boolean admin, int backupCodesLeft, Quota quota) {
        return new AccountView(account.username(), account.email(), admin ? "admin" : "user",
                account.secondFactor().name(), account.createdAt(), account.lastLoginAt(), account.lastLoginIp(),
                backupCodesLeft, quota.quotaBytes(), quota.usedBytes());
    }
}
