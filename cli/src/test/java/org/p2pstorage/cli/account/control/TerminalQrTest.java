package org.p2pstorage.cli.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.Test;

class TerminalQrTest {

    static final String URI = "otpauth://totp/p2p-storage:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=p2p-storage&algorithm=SHA1&digits=6&period=30";

    @Test
    void twoModuleRowsACharacterRowEveryLineAsWideAsTheCode() {
        BitMatrix matrix = TerminalQr.encode(URI);
        List<String> lines = TerminalQr.render(matrix).lines().toList();
        assertEquals((matrix.getHeight() + 1) / 2, lines.size());
        lines.forEach(line -> assertEquals(matrix.getWidth(), line.length()));
        assertTrue(lines.stream().allMatch(line -> line.matches("[ █▀▄]+")));
        assertEquals("█".repeat(matrix.getWidth()), lines.get(0), "the quiet zone is drawn light");
    }

    @Test
    void whatIsDrawnDecodesToTheUri() throws Exception {
        List<String> lines = TerminalQr.render(URI).lines().toList();
        int scale = 4;
        int width = lines.get(0).length();
        int height = lines.size() * 2;
        int[] pixels = new int[width * scale * height * scale];
        for (int row = 0; row < lines.size(); row++) {
            for (int x = 0; x < width; x++) {
                char cell = lines.get(row).charAt(x);
                boolean upperLight = cell == '█' || cell == '▀';
                boolean lowerLight = cell == '█' || cell == '▄';
                paint(pixels, width * scale, x, row * 2, scale, upperLight);
                paint(pixels, width * scale, x, row * 2 + 1, scale, lowerLight);
            }
        }
        var source = new RGBLuminanceSource(width * scale, height * scale, pixels);
        assertEquals(URI, new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText());
    }

    private static void paint(int[] pixels, int stride, int x, int y, int scale, boolean light) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                pixels[(y * scale + dy) * stride + x * scale + dx] = light ? 0xffffff : 0;
            }
        }
    }
}
