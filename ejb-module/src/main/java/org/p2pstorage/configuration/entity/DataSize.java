package org.p2pstorage.configuration.entity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes as people write it in configuration ("10GB", "64KiB", "0.5 GB", "65536").
 * Storage sizes are binary throughout the product, as in the original system: 1 GB = 1024³ bytes.
 */
public record DataSize(long bytes) {

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?\\s*");

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static DataSize parse(String text) {
        Matcher m = SIZE.matcher(text.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 10GB, 64KiB, 65536)");
        }
        int power = switch (m.group(2)) {
            case "K" -> 1;
            case "M" -> 2;
            case "G" -> 3;
            case "T" -> 4;
            default -> 0;
        };
        double value = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        return new DataSize(Math.round(value));
    }

    /** "2.50 GB", "64.00 KB", "17 B": the seed's way of showing sizes. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f %s", value, units[unit]);
    }

    @Override
    public String toString() {
        return format(bytes);
    }
}
