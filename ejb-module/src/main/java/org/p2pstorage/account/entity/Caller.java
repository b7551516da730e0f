package org.p2pstorage.account.entity;

/** Who a valid session token belongs to. */
public record Caller(String username, boolean admin, String sessionId) {
}
