package org.p2pstorage.account.entity;

/** The second step of a login: the challenge and a code (TOTP, e-mailed or backup). */
public record OtpLogin(String challenge, String code) {

    @Override
    public String toString() {
        return "OtpLogin";
    }
}
