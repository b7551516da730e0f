package org.p2pstorage.cli.shell.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsToTheLocalServerAndTheUsersConfigFolder() {
        Settings settings = Settings.from(Map.of());
        assertEquals("http://localhost:8080", settings.server());
        assertEquals(Path.of(System.getProperty("user.home"), ".config", "p2p-storage"), settings.configDir());
    }

    @Test
    void theEnvironmentOverridesThem() {
        assertEquals(Path.of("/x/p2p-storage"), Settings.from(Map.of("XDG_CONFIG_HOME", "/x")).configDir());
        Settings settings = Settings.from(Map.of("P2P_SERVER", "http://h:8180/", "P2P_CONFIG_DIR", "/c", "XDG_CONFIG_HOME", "/x"));
        assertEquals(Path.of("/c"), settings.configDir());
        assertEquals("http://h:8180", settings.baseUrl());
    }
}
