package org.p2pstorage.configuration.entity;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as a setting says it: {@code 300} (seconds), {@code 90s}, {@code 5m}, {@code 2h},
 * {@code 500ms}, or ISO-8601 ({@code PT5M}).
 */
public record TimeSpan(Duration duration) {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    public static TimeSpan parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return new TimeSpan(switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        try {
            return new TimeSpan(Duration.parse(text.strip().toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a length of time: '" + text + "' (say 300, 90s, 5m, 2h or PT5M)");
        }
    }

    public long seconds() {
        return duration.toSeconds();
    }
}
