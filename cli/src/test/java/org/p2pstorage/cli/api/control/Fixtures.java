package org.p2pstorage.cli.api.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** The server's answers as tests need them: JSON files under {@code fixtures/}, in the REST API's shape. */
public final class Fixtures {

    private Fixtures() {
    }

    public static JsonObject object(String name) {
        return (JsonObject) ApiClient.parse(read(name));
    }

    public static JsonArray array(String name) {
        return (JsonArray) ApiClient.parse(read(name));
    }

    private static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
