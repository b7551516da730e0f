package org.p2pstorage.cli.session.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * The session token on disk: {@code <config folder>/session}, readable and writable by its owner only
 * (the folder too), written atomically so that no other user ever sees it, even for a moment. The token
 * is tied to the server it came from and never sent anywhere else.
 */
public class SessionStore {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    /** A saved session: the server it belongs to, the account, the bearer token and when it expires. */
    public record Session(String server, String username, String token, String expiresAt) {
    }

    private final Path folder;

    public SessionStore(Path folder) {
        this.folder = folder;
    }

    public Path file() {
        return folder.resolve("session");
    }

    /** The session saved for this server, if any. */
    public Optional<Session> load(String server) {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            JsonObject saved = reader.readObject();
            Session session = new Session(saved.getString("server", ""), saved.getString("username", ""),
                    saved.getString("token", ""), saved.getString("expiresAt", ""));
            return session.server().equals(server) && !session.token().isEmpty() ? Optional.of(session) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void save(Session session) {
        try {
            createPrivateFolder();
            Path temporary = folder.resolve("session.tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            String json = Json.createObjectBuilder().add("server", session.server()).add("username", session.username())
                    .add("token", session.token()).add("expiresAt", session.expiresAt()).build().toString();
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the session in " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the session; true if there was one. */
    public boolean remove() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Creates the config folder, owner-only, if it is missing (the shell keeps its history there too). */
    public void createPrivateFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder.getParent() == null ? folder : folder.getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } catch (FileAlreadyExistsException raced) {
                // another client made it at the same time
            }
        }
    }
}
