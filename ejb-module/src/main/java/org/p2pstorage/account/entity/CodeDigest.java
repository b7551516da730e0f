package org.p2pstorage.account.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.p2pstorage.integrity.entity.Sha256;

/**
 * What is kept of a one-time code: a random salt and the SHA-256 of salt and code, never the code. A
 * fast hash is enough because the codes are random and short-lived or high-entropy; the salt keeps
 * equal codes from having equal digests. Compared in constant time.
 */
@Embeddable
public class CodeDigest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Column(nullable = false, length = 32)
    private String salt;

    @Column(nullable = false, length = 64)
    private String codeHash;

    protected CodeDigest() {
    }

    private CodeDigest(String salt, String code) {
        this.salt = salt;
        this.codeHash = digest(salt, code);
    }

    public static CodeDigest of(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new CodeDigest(HexFormat.of().formatHex(salt), code);
    }

    public boolean matches(String code) {
        return code != null && MessageDigest.isEqual(digest(salt, code).getBytes(StandardCharsets.US_ASCII),
                codeHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String salt, String code) {
        return Sha256.of((salt + ":" + code).getBytes(StandardCharsets.UTF_8));
    }
}
