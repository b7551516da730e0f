package org.p2pstorage.integrity.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the product writes it everywhere: lower-case hex, 64 characters. */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String of(byte[] data) {
        return hex(digest().digest(data));
    }

    public static String of(byte[] data, int length) {
        MessageDigest digest = digest();
        digest.update(data, 0, length);
        return hex(digest.digest());
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    public static boolean valid(String hex) {
        return hex != null && hex.matches("[0-9a-f]{64}");
    }
}
