package org.p2pstorage.cli.account.control;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn with Unicode half blocks, two modules a character cell (upper half, lower half).
 * Light modules (and the quiet zone) are drawn, dark ones left blank, so that on the usual light-on-dark
 * terminal the code reads dark on light, as scanners expect.
 */
public final class TerminalQr {

    public static final int QUIET_ZONE = 2;

    private TerminalQr() {
    }

    public static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code of this text: " + e.getMessage(), e);
        }
    }

    public static String render(String text) {
        return render(encode(text));
    }

    /** One line for every two rows of modules; every line as wide as the matrix. */
    public static String render(BitMatrix matrix) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y += 2) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean upper = !matrix.get(x, y);
                boolean lower = y + 1 < matrix.getHeight() && !matrix.get(x, y + 1);
                out.append(upper && lower ? '█' : upper ? '▀' : lower ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
