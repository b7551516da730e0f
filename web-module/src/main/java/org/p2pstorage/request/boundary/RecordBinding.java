package org.p2pstorage.request.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.p2pstorage.failure.entity.Failure;

/**
 * Turns a JSON request body into one of the API's flat request records, strictly: the body must be a
 * JSON object, each field must have its component's JSON type, and numbers must fit their Java type
 * exactly ({@code 1.5} is not an int, {@code 99999999999999999999} is not a long). Every refusal is a
 * {@link Failure#invalid} naming the field, so a careless client learns what to fix, and no parser's
 * own words (class names, codes, positions) reach it. Fields the record does not have are ignored.
 */
final class RecordBinding {

    private RecordBinding() {
    }

    /** The record read from at most {@code limit} bytes; null for an empty body. */
    static <T> T read(Class<T> type, InputStream body, int limit) throws IOException {
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new Failure(Failure.Kind.TOO_LARGE, "the body is larger than " + limit / 1024 + " KiB");
        }
        return bind(type, bytes);
    }

    static <T> T bind(Class<T> type, byte[] bytes) {
        String text = utf8(bytes);
        if (text.isBlank()) {
            return null;
        }
        JsonValue value;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("more after the value");
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw Failure.invalid("the body is not valid JSON; send a JSON object such as " + example(type));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Failure.invalid("the body must be a JSON object such as " + example(type));
        }
        return construct(type, value.asJsonObject());
    }

    private static String utf8(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw Failure.invalid("the body is not UTF-8 text");
        }
    }

    private static <T> T construct(Class<T> type, JsonObject json) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getName(), components[i].getType(), json.get(components[i].getName()));
        }
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Failure failure) {
                throw failure;
            }
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw Failure.invalid(refused.getMessage());
            }
            throw new IllegalStateException("cannot create " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
        }
    }

    static Object value(String name, Class<?> type, JsonValue json) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            if (type.isPrimitive()) {
                throw Failure.invalid(name + " is required");
            }
            return null;
        }
        if (type == String.class) {
            if (json instanceof JsonString string) {
                return string.getString();
            }
            throw Failure.invalid(name + " must be a string");
        }
        if (type == Boolean.class || type == boolean.class) {
            if (json.getValueType() == JsonValue.ValueType.TRUE || json.getValueType() == JsonValue.ValueType.FALSE) {
                return json.getValueType() == JsonValue.ValueType.TRUE;
            }
            throw Failure.invalid(name + " must be true or false");
        }
        if (type == Integer.class || type == int.class) {
            return whole(name, json, Integer.MIN_VALUE, Integer.MAX_VALUE).intValueExact();
        }
        if (type == Long.class || type == long.class) {
            return whole(name, json, Long.MIN_VALUE, Long.MAX_VALUE).longValueExact();
        }
        if (type == Double.class || type == double.class) {
            if (json instanceof JsonNumber number) {
                double value = number.doubleValue();
                if (Double.isFinite(value)) {
                    return value;
                }
            }
            throw Failure.invalid(name + " must be a number");
        }
        throw new IllegalStateException("a request record cannot have a field of type " + type.getSimpleName());
    }

    private static BigInteger whole(String name, JsonValue json, long min, long max) {
        if (json instanceof JsonNumber number) {
            BigDecimal exact = number.bigDecimalValue();
            if (exact.stripTrailingZeros().scale() <= 0 && exact.abs().compareTo(BigDecimal.TEN.pow(30)) < 0) {
                BigInteger whole = exact.toBigIntegerExact();
                if (whole.compareTo(BigInteger.valueOf(min)) >= 0 && whole.compareTo(BigInteger.valueOf(max)) <= 0) {
                    return whole;
                }
            }
        }
        throw Failure.invalid(name + " must be a whole number between " + min + " and " + max);
    }

    /** An example body naming the record's fields, for the messages. */
    static String example(Class<?> type) {
        StringBuilder example = new StringBuilder("{");
        for (RecordComponent component : type.getRecordComponents()) {
            example.append(example.length() > 1 ? "," : "").append('"').append(component.getName()).append("\":…");
        }
        return example.append('}').toString();
    }
}
