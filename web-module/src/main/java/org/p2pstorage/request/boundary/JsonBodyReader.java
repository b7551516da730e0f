package org.p2pstorage.request.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads every JSON request body of the API (the records of {@code org.p2pstorage}) with
 * {@link RecordBinding}: at most {@link BodyLimit#MAX_BYTES} bytes are read (413 above), malformed JSON
 * and wrong types are 400s naming the field, and an empty body is null, so that the routes whose body
 * is optional ({@code enable-otp}) accept none, whatever content type is sent with it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonBodyReader implements MessageBodyReader<Object> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getName().startsWith("org.p2pstorage.");
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return RecordBinding.read(type, body, BodyLimit.MAX_BYTES);
    }
}
