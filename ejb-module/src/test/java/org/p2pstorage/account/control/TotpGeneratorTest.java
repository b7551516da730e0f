package org.p2pstorage.account.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpGeneratorTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, appendix B: 8-digit codes for SHA-1, SHA-256 and SHA-512. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = TotpGenerator.step(Instant.ofEpochSecond(seconds));
        assertEquals(sha1, TotpGenerator.code(SHA1_SEED, step, 8, "HmacSHA1"));
        assertEquals(sha256, TotpGenerator.code(SHA256_SEED, step, 8, "HmacSHA256"));
        assertEquals(sha512, TotpGenerator.code(SHA512_SEED, step, 8, "HmacSHA512"));
    }

    /** RFC 4226, appendix D: the HOTP values of counters 0 to 9. */
    @Test
    void rfc4226TestVectors() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], TotpGenerator.code(SHA1_SEED, counter));
        }
    }

    @Test
    void agreesWithAnIndependentImplementation() throws Exception {
        TimeBasedOneTimePasswordGenerator reference = new TimeBasedOneTimePasswordGenerator();
        byte[] secret = Secrets.bytes(20);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA1");
        for (long seconds = 1_700_000_000L; seconds < 1_700_000_000L + 30 * 200; seconds += 29) {
            Instant at = Instant.ofEpochSecond(seconds);
            assertEquals(reference.generateOneTimePasswordString(key, at),
                    TotpGenerator.code(secret, TotpGenerator.step(at)), "at " + at);
        }
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_700_000_015L);
        long step = TotpGenerator.step(now);
        for (long drift = -1; drift <= 1; drift++) {
            assertEquals(OptionalLong.of(step + drift),
                    TotpGenerator.match(SHA1_SEED, TotpGenerator.code(SHA1_SEED, step + drift), now));
        }
        assertTrue(TotpGenerator.match(SHA1_SEED, TotpGenerator.code(SHA1_SEED, step - 2), now).isEmpty());
        assertTrue(TotpGenerator.match(SHA1_SEED, TotpGenerator.code(SHA1_SEED, step + 2), now).isEmpty());
        assertTrue(TotpGenerator.match(SHA1_SEED, "12345", now).isEmpty());
        assertTrue(TotpGenerator.match(SHA1_SEED, null, now).isEmpty());
    }

    /** RFC 4648, section 10 (without padding, as otpauth URIs carry it). */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32TestVectors(String text, String encoded) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded, TotpGenerator.base32(bytes));
        assertArrayEquals(bytes, TotpGenerator.fromBase32(encoded.toLowerCase() + "===="));
    }
}
