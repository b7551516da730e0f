package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drive over SFTP with the other standard clients, unchanged: rclone's sftp backend (which also
 * sets times, renames with posix-rename, asks for the room left with statvfs@openssh.com and tries hash
 * commands such as {@code md5sum} over exec, which the server refuses as unknown commands) and PuTTY's
 * psftp (FileZilla's SFTP engine, which reads only SFTP v3's status codes). Every step is checked against REST.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SftpClientsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @TempDir
    Path folder;

    private SftpUser alice;

    @BeforeEach
    void newUser() {
        alice = new SftpUser(folder);
    }

    @AfterEach
    void cleanUp() {
        alice.cleanUp();
    }

    private JsonObject onlyFile() {
        List<JsonObject> files = alice.files();
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    @Test
    void rcloneCopiesListsMovesAndDeletes() throws Exception {
        Path key = alice.addKey("id_rclone");
        RandomContent content = new RandomContent(20L * 1024 * 1024, 21);
        alice.local("photo.bin", content);
        String user = alice.name();

        OpenSsh.Run up = SftpClients.rclone(folder, "copy", "photo.bin", SftpClients.remote(user, key, "docs"));
        assertEquals(0, up.exit(), up.toString());
        JsonObject file = onlyFile();
        assertEquals("photo.bin", file.getString("name"));
        assertEquals("AVAILABLE", file.getString("status"));
        assertEquals(content.sha256(), file.getString("sha256"));
        String docs = alice.folder("docs").getString("folderId");
        assertEquals(docs, SftpUser.parentOf(file, "folderId"), "rclone made docs and put the file in it");

        OpenSsh.Run listed = SftpClients.rclone(folder, "lsjson", SftpClients.remote(user, key, "docs"));
        assertEquals(0, listed.exit(), listed.toString());
        JsonArray entries = Json.createReader(new StringReader(listed.out())).readArray();
        assertEquals(1, entries.size(), listed.out());
        JsonObject entry = entries.getJsonObject(0);
        assertEquals("photo.bin", entry.getString("Name"));
        assertEquals(content.size(), entry.getJsonNumber("Size").longValue());
        assertFalse(entry.getBoolean("IsDir"));

        OpenSsh.Run down = SftpClients.rclone(folder, "copyto", SftpClients.remote(user, key, "docs/photo.bin"), "back.bin");
        assertEquals(0, down.exit(), down.toString());
        assertEquals(content.sha256(), alice.sha256("back.bin"));

        RandomContent other = new RandomContent(1000, 22);
        alice.local("other.bin", other);
        OpenSsh.Run over = SftpClients.rclone(folder, "copyto", "other.bin", SftpClients.remote(user, key, "docs/photo.bin"));
        assertEquals(0, over.exit(), "rclone updates a changed file: " + over);
        JsonObject updated = onlyFile();
        assertNotEquals(file.getString("fileId"), updated.getString("fileId"), "the new content replaced the old file");
        assertEquals("photo.bin", updated.getString("name"));
        assertEquals(other.sha256(), updated.getString("sha256"));
        assertEquals(docs, SftpUser.parentOf(updated, "folderId"));
        file = updated;

        OpenSsh.Run made = SftpClients.rclone(folder, "mkdir", SftpClients.remote(user, key, "archive"));
        assertEquals(0, made.exit(), made.toString());
        String archive = alice.folder("archive").getString("folderId");
        OpenSsh.Run moved = SftpClients.rclone(folder, "moveto", SftpClients.remote(user, key, "docs/photo.bin"),
                SftpClients.remote(user, key, "archive/2024.bin"));
        assertEquals(0, moved.exit(), moved.toString());
        JsonObject after = onlyFile();
        assertEquals(file.getString("fileId"), after.getString("fileId"), "moved on the server, not sent again");
        assertEquals("2024.bin", after.getString("name"));
        assertEquals(archive, SftpUser.parentOf(after, "folderId"));

        OpenSsh.Run deleted = SftpClients.rclone(folder, "deletefile", SftpClients.remote(user, key, "archive/2024.bin"));
        assertEquals(0, deleted.exit(), deleted.toString());
        assertTrue(alice.files().isEmpty(), alice.files().toString());

        OpenSsh.Run about = SftpClients.rclone(folder, "about", "--json", SftpClients.remote(user, key, ""));
        assertEquals(0, about.exit(), "statvfs@openssh.com tells the room: " + about);
        JsonObject room = Json.createReader(new StringReader(about.out())).readObject();
        JsonObject me = alice.api.get("/api/auth/me").json();
        long quota = me.getJsonNumber("quotaBytes").longValue();
        assertEquals(quota / 4096, room.getJsonNumber("total").longValue() / 4096, "the drive's size is the quota");
        assertEquals((quota - me.getJsonNumber("usedBytes").longValue()) / 4096, room.getJsonNumber("free").longValue() / 4096);

        OpenSsh.Run hash = OpenSsh.ssh(key, user, "md5sum");
        assertEquals(2, hash.exit(), "a hash command is refused, never run: " + hash);
        assertTrue(hash.err().startsWith("Unknown command: md5sum"), hash.err());

        OpenSsh.Run folderMoved = SftpClients.rclone(folder, "moveto", SftpClients.remote(user, key, "docs"),
                SftpClients.remote(user, key, "archive/docs"));
        assertEquals(0, folderMoved.exit(), "a server-side directory move: " + folderMoved);
        assertEquals(archive, SftpUser.parentOf(alice.folder("docs"), "parentId"), "docs now lies in archive");

        for (String name : List.of("archive/docs", "archive")) {
            OpenSsh.Run removed = SftpClients.rclone(folder, "rmdir", SftpClients.remote(user, key, name));
            assertEquals(0, removed.exit(), removed.toString());
        }
        assertTrue(alice.folders().isEmpty(), alice.folders().toString());
    }

    @Test
    void psftpPutsGetsListsRenamesAndRemoves() throws Exception {
        Path ppk = SftpClients.puttyKey(alice.addKey("id_putty"));
        String hostKey = SftpClients.hostKeyFingerprint(folder);
        RandomContent content = new RandomContent(5L * 1024 * 1024 + 123, 23);
        alice.local("data.bin", content);

        OpenSsh.Run put = SftpClients.psftp(folder, ppk, hostKey, alice.name(),
                "mkdir putty\nput data.bin putty/data.bin\nls putty\nget putty/data.bin back.bin\nmv putty/data.bin putty/moved.bin\n");
        assertEquals(0, put.exit(), put.toString());
        assertTrue(put.out().contains("data.bin"), put.out());
        assertEquals(content.sha256(), alice.sha256("back.bin"));
        JsonObject file = onlyFile();
        assertEquals("moved.bin", file.getString("name"));
        assertEquals(content.sha256(), file.getString("sha256"));
        assertEquals(alice.folder("putty").getString("folderId"), SftpUser.parentOf(file, "folderId"));

        RandomContent other = new RandomContent(70_000, 24);
        alice.local("other.bin", other);
        OpenSsh.Run again = SftpClients.psftp(folder, ppk, hostKey, alice.name(), "put other.bin putty/moved.bin\n");
        assertEquals(0, again.exit(), "a put over a file replaces it, as FileZilla's overwrite expects: " + again);
        JsonObject replaced = onlyFile();
        assertNotEquals(file.getString("fileId"), replaced.getString("fileId"));
        assertEquals("moved.bin", replaced.getString("name"));
        assertEquals(other.sha256(), replaced.getString("sha256"));

        OpenSsh.Run loop = SftpClients.psftp(folder, ppk, hostKey, alice.name(), "mkdir putty/sub\nmv putty putty/sub\n");
        assertTrue(loop.exit() != 0, "a folder never goes into a folder inside it: " + loop);
        assertEquals(null, SftpUser.parentOf(alice.folder("putty"), "parentId"));

        OpenSsh.Run removed = SftpClients.psftp(folder, ppk, hostKey, alice.name(),
                "rm putty/moved.bin\nrmdir putty/sub\nrmdir putty\nls\n");
        assertEquals(0, removed.exit(), removed.toString());
        assertTrue(alice.files().isEmpty(), alice.files().toString());
        assertTrue(alice.folders().isEmpty(), alice.folders().toString());
    }
}
