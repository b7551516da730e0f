package org.p2pstorage.cli.terminal.control;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as the seed prints them ({@code 2.50GB}, binary units) and as users type them ({@code 64KiB}, {@code 1MB}). */
public final class DataSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};
    private static final Pattern TYPED = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*");

    private DataSizes() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f%s", value, UNITS[unit]);
    }

    /** {@code 1.05MB/s}. */
    public static String rate(double bytesPerSecond) {
        return format(Math.round(bytesPerSecond)) + "/s";
    }

    public static long parse(String text) {
        Matcher m = TYPED.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (e.g. 65536, 64KiB, 1MB)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        return Math.round(number * Math.pow(1024, power));
    }

    /** {@code 0:07}, {@code 1:02:03}. */
    public static String duration(long millis) {
        long seconds = Math.max(0, (millis + 999) / 1000);
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
