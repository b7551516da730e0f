package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A new suite user as the SFTP tests need one: SSH keys added through REST, a local folder for the files a
 * client puts and gets, the drive as REST shows it (files, folders), and a clean-up that empties the drive
 * (nested folders too) and lifts a quota a test set. Shared by {@link SftpIT} and {@link SftpClientsIT}.
 */
final class SftpUser {

    final Api api = Api.suiteUser();
    final Api admin = Api.suiteAdmin();
    final Path folder;

    SftpUser(Path folder) {
        this.folder = folder;
    }

    String name() {
        return api.username();
    }

    /** A new Ed25519 key pair in the local folder, its public half added through REST: the private key's path. */
    Path addKey(String name) throws Exception {
        Path key = OpenSsh.newKey(folder, name);
        Api.Answer added = api.postJson("/api/auth/ssh-keys", Json.createObjectBuilder().add("name", name)
                .add("publicKey", Files.readString(Path.of(key + ".pub"))).build());
        assertEquals(201, added.status(), added.body());
        return key;
    }

    /** Writes the content to a local file of that name. */
    Path local(String name, RandomContent content) throws Exception {
        Path file = folder.resolve(name);
        try (InputStream in = content.stream()) {
            Files.copy(in, file);
        }
        return file;
    }

    /** The SHA-256 of a local file, as the server reports its files'. */
    String sha256(String name) throws Exception {
        try (InputStream in = Files.newInputStream(folder.resolve(name))) {
            return Digests.sha256(in);
        }
    }

    List<JsonObject> files() {
        return api.get("/api/files/list").array().getValuesAs(JsonObject.class);
    }

    List<JsonObject> folders() {
        return api.get("/api/folders").array().getValuesAs(JsonObject.class);
    }

    /** The folder of that name (there must be one). */
    JsonObject folder(String name) {
        return folders().stream().filter(f -> name.equals(f.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no folder " + name + " in " + folders()));
    }

    /** The id of the folder a folder or file lies in, null at the top of the drive. */
    static String parentOf(JsonObject entry, String key) {
        return !entry.containsKey(key) || entry.isNull(key) || entry.getString(key).isBlank() ? null : entry.getString(key);
    }

    void cleanUp() {
        for (JsonObject file : files()) {
            api.delete("/api/files/" + file.getString("fileId"));
        }
        for (int round = 0; round < 8 && !folders().isEmpty(); round++) {
            List<JsonObject> all = folders();
            for (JsonObject f : all) {
                boolean hasChildren = all.stream().anyMatch(c -> Objects.equals(parentOf(c, "parentId"), f.getString("folderId")));
                if (!hasChildren) {
                    api.delete("/api/folders/" + f.getString("folderId"));
                }
            }
        }
        admin.put("/api/users/" + api.username() + "/quota", "{\"quotaBytes\":null}");
    }
}
