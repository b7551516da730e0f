package org.p2pstorage.configuration.control;

import org.eclipse.microprofile.config.spi.Converter;
import org.p2pstorage.configuration.entity.DataSize;

/** Lets MicroProfile Config read sizes such as {@code P2P_NODE_CAPACITY=10GB} straight into a {@link DataSize}. */
public class DataSizeConverter implements Converter<DataSize> {

    @Override
    public DataSize convert(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return DataSize.parse(value);
    }
}
