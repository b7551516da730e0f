package org.p2pstorage.account.entity;

/** The event of the admin's account being registered: files that have no owner yet go to it. */
public record AdminRegistered(String username) {
}
