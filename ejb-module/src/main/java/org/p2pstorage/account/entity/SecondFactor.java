package org.p2pstorage.account.entity;

/** How an account proves the second factor at login, if at all. */
public enum SecondFactor {
    /** The password is enough. */
    NONE,
    /** A TOTP code from an authenticator app (RFC 6238), or a backup code. */
    APP,
    /** A six-digit code e-mailed at each login, or a backup code. */
    EMAIL
}
