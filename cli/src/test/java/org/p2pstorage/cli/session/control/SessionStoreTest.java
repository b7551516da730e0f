package org.p2pstorage.cli.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    @TempDir
    Path home;

    @Test
    void theTokenFileAndItsFolderAreTheOwnersOnly() throws Exception {
        SessionStore store = new SessionStore(home.resolve("config/p2p-storage"));
        store.save(new SessionStore.Session("http://localhost:8080", "alice", "secret-token", "2026-01-01T00:00:00Z"));
        assertEquals(SessionStore.OWNER_ONLY, Files.getPosixFilePermissions(store.file()));
        assertEquals(SessionStore.OWNER_ONLY_FOLDER, Files.getPosixFilePermissions(store.file().getParent()));
        assertEquals("secret-token", store.load("http://localhost:8080").orElseThrow().token());

        store.save(new SessionStore.Session("http://localhost:8080", "bob", "other-token", ""));
        assertEquals("bob", store.load("http://localhost:8080").orElseThrow().username());
        assertEquals(SessionStore.OWNER_ONLY, Files.getPosixFilePermissions(store.file()));
    }

    @Test
    void aTokenIsNeverOfferedToAnotherServer() {
        SessionStore store = new SessionStore(home);
        store.save(new SessionStore.Session("http://localhost:8080", "alice", "secret-token", ""));
        assertTrue(store.load("http://elsewhere:8080").isEmpty());
    }

    @Test
    void removeForgetsIt() {
        SessionStore store = new SessionStore(home);
        assertFalse(store.remove());
        store.save(new SessionStore.Session("s", "alice", "t", ""));
        assertTrue(store.remove());
        assertTrue(store.load("s").isEmpty());
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void aDamagedFileIsNoSession() throws Exception {
        Files.writeString(home.resolve("session"), "not json");
        assertTrue(new SessionStore(home).load("s").isEmpty());
    }
}
