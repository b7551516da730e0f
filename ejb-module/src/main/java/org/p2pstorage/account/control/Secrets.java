package org.p2pstorage.account.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.p2pstorage.integrity.entity.Sha256;

/**
 * Random tokens and codes, and their one-way digests. Tokens are compared only through their SHA-256,
 * so what the database holds cannot be used to sign in.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Backup codes use letters and digits that cannot be mistaken for one another. */
    private static final char[] BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private Secrets() {
    }

    /** {@code bytes} random bytes, URL-safe Base64 without padding. */
    public static String token(int bytes) {
        byte[] random = bytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static byte[] bytes(int count) {
        byte[] random = new byte[count];
        RANDOM.nextBytes(random);
        return random;
    }

    public static String hexId(int bytes) {
        return HexFormat.of().formatHex(bytes(bytes));
    }

    /** A six-digit code, uniformly distributed. */
    public static String sixDigits() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** A backup code: two groups of five characters (about 49 bits), such as {@code k7pqd-2mxha}. */
    public static String backupCode() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(BACKUP_ALPHABET[RANDOM.nextInt(BACKUP_ALPHABET.length)]);
        }
        return code.toString();
    }

    public static String sha256(String value) {
        return Sha256.of(value.getBytes(StandardCharsets.UTF_8));
    }

}
