package org.p2pstorage.account.entity;

/**
 * What enabling a second factor answers. For an app: the Base32 secret, its {@code otpauth://} URI and
 * the URI as a QR code (a PNG data URI). For e-mail: where the confirmation code was sent.
 */
public record OtpSetup(String method, String secret, String uri, String qrCode, String codeSentTo) {

    @Override
    public String toString() {
        return "OtpSetup[" + method + "]";
    }
}
