package org.p2pstorage.request.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.p2pstorage.failure.entity.Failure;

class RecordBindingTest {

    record Link(Long bandwidth, Integer delay, Double lossRate, Boolean on, String name) {
    }

    record Checked(String name) {
        Checked {
            if ("bad".equals(name)) {
                throw new IllegalArgumentException("name cannot be bad");
            }
        }
    }

    private static <T> T bind(Class<T> type, String json) {
        return RecordBinding.bind(type, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(Class<?> type, String json) {
        Failure failure = assertThrows(Failure.class, () -> bind(type, json));
        assertEquals(Failure.Kind.INVALID, failure.kind());
        return failure.getMessage();
    }

    @Test
    void bindsEveryFieldType() {
        assertEquals(new Link(65536L, 10, 0.5, true, "ü😀"),
                bind(Link.class, "{\"bandwidth\":65536,\"delay\":10,\"lossRate\":0.5,\"on\":true,\"name\":\"ü😀\",\"extra\":1}"));
        assertEquals(new Link(null, null, null, null, null), bind(Link.class, "{\"delay\":null}"));
        assertEquals(new Link(2L, 1, 1.0, false, null), bind(Link.class, "{\"bandwidth\":2.0,\"delay\":1e0,\"lossRate\":1,\"on\":false}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void anEmptyBodyIsNull(String body) {
        assertNull(bind(Link.class, body));
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertEquals(new Checked("x"), bind(Checked.class, "\uFEFF{\"name\":\"x\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "hello", "{\"name\":}", "{\"name\":\"x\"} trailing", "{'name':'x'}", "\"abc"})
    void malformedJsonIsRefusedWithAnExample(String body) {
        assertEquals("the body is not valid JSON; send a JSON object such as {\"name\":…}", refusal(Checked.class, body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "\"abc\"", "true", "null"})
    void aBodyThatIsNoObjectIsRefused(String body) {
        assertEquals("the body must be a JSON object such as {\"name\":…}", refusal(Checked.class, body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"bandwidth\":99999999999999999999}|bandwidth must be a whole number between -9223372036854775808 and 9223372036854775807",
            "{\"bandwidth\":1e400}|bandwidth must be a whole number between -9223372036854775808 and 9223372036854775807",
            "{\"delay\":1.5}|delay must be a whole number between -2147483648 and 2147483647",
            "{\"delay\":\"abc\"}|delay must be a whole number between -2147483648 and 2147483647",
            "{\"delay\":2147483648}|delay must be a whole number between -2147483648 and 2147483647",
            "{\"lossRate\":true}|lossRate must be a number",
            "{\"lossRate\":\"0.1\"}|lossRate must be a number",
            "{\"on\":\"yes\"}|on must be true or false",
            "{\"name\":[\"a\"]}|name must be a string",
            "{\"name\":42}|name must be a string"})
    void aFieldOfTheWrongTypeIsNamed(String body, String message) {
        assertEquals(message, refusal(Link.class, body));
    }

    @Test
    void aRefusalOfTheRecordItselfIsInvalid() {
        assertEquals("name cannot be bad", refusal(Checked.class, "{\"name\":\"bad\"}"));
    }

    @Test
    void invalidUtf8IsRefused() {
        Failure failure = assertThrows(Failure.class,
                () -> RecordBinding.bind(Checked.class, new byte[]{'{', '"', (byte) 0xff, '"', '}'}));
        assertEquals("the body is not UTF-8 text", failure.getMessage());
    }

    @Test
    void aBodyOverTheLimitIsTooLargeBeforeItIsParsed() {
        byte[] big = new byte[1025];
        Failure failure = assertThrows(Failure.class,
                () -> RecordBinding.read(Checked.class, new ByteArrayInputStream(big), 1024));
        assertEquals(Failure.Kind.TOO_LARGE, failure.kind());
    }
}
