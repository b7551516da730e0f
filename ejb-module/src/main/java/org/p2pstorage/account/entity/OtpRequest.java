package org.p2pstorage.account.entity;

/**
 * A request body of the second-factor routes: {@code method} ("app" or "email") to enable, {@code code}
 * to confirm, {@code password} and {@code code} to disable or to regenerate backup codes.
 */
public record OtpRequest(String method, String code, String password) {

    @Override
    public String toString() {
        return "OtpRequest[" + method + "]";
    }
}
