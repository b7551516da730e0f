package org.p2pstorage.configuration.boundary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.p2pstorage.configuration.entity.DataSize;

/** How the portal's pages write sizes, rates and times (as {@code #{units.size(bytes)}}), all alike. */
@Named
@ApplicationScoped
public class Units {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public String size(long bytes) {
        return DataSize.format(bytes);
    }

    public String rate(double bytesPerSecond) {
        return bytesPerSecond <= 0 ? "0 B/s" : DataSize.format(Math.round(bytesPerSecond)) + "/s";
    }

    public String bandwidth(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "unthrottled" : rate(bytesPerSecond);
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant) + "\u00a0UTC";
    }

    public String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
