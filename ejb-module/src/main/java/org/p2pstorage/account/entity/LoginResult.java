package org.p2pstorage.account.entity;

import java.time.Instant;

/**
 * What a login answers: a session token, or, when a second factor is on, {@code otpRequired} with the
 * challenge to send back with the code to {@code /api/auth/login/otp}.
 */
public record LoginResult(boolean otpRequired, String token, String sessionId, Instant expiresAt,
                          String challenge, String method) {

    public static LoginResult session(String token, LoginSession session) {
        return new LoginResult(false, token, session.id(), session.expiresAt(), null, null);
    }

    public static LoginResult challenge(String challenge, SecondFactor method) {
        return new LoginResult(true, null, null, null, challenge, method.name());
    }

    @Override
    public String toString() {
        return "LoginResult[otpRequired=" + otpRequired + "]";
    }
}
