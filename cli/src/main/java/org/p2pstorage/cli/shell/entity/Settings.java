package org.p2pstorage.cli.shell.entity;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the client talks to and keeps its session: the server's base URL ({@code --server}, else
 * {@code P2P_SERVER}, else the local start command's {@code http://localhost:8080}) and the config folder
 * ({@code --config-dir}, else {@code P2P_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/p2p-storage}, else
 * {@code ~/.config/p2p-storage}).
 */
public record Settings(String server, Path configDir) {

    public static final String DEFAULT_SERVER = "http://localhost:8080";

    public static Settings from(Map<String, String> environment) {
        String server = blankToNull(environment.get("P2P_SERVER"));
        String configDir = blankToNull(environment.get("P2P_CONFIG_DIR"));
        Path folder;
        if (configDir != null) {
            folder = Path.of(configDir);
        } else {
            String xdg = blankToNull(environment.get("XDG_CONFIG_HOME"));
            Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
            folder = base.resolve("p2p-storage");
        }
        return new Settings(server != null ? server : DEFAULT_SERVER, folder);
    }

    /** The server URL without a trailing slash. */
    public String baseUrl() {
        return server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
