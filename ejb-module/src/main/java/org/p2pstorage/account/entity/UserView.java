package org.p2pstorage.account.entity;

/** One account as the admin's list of users shows it, with its quota. */
public record UserView(String username, String email, String role, long quotaBytes, long usedBytes,
                       boolean customQuota) {

    public static UserView of(UserAccount account, boolean admin, Quota quota) {
        return new UserView(account.username(), account.email(), admin ? "admin" : "user", quota.quotaBytes(),
                quota.usedBytes(), quota.custom());
    }
}
