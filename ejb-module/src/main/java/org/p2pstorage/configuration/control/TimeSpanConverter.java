package org.p2pstorage.configuration.control;

import org.eclipse.microprofile.config.spi.Converter;
import org.p2pstorage.configuration.entity.TimeSpan;

/** Lets MicroProfile Config read lengths of time such as {@code P2P_REPAIR_GRACE=5m} into a {@link TimeSpan}. */
public class TimeSpanConverter implements Converter<TimeSpan> {

    @Override
    public TimeSpan convert(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return TimeSpan.parse(value);
    }
}
