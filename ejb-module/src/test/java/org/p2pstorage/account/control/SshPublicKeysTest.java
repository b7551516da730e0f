package org.p2pstorage.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2pstorage.failure.entity.Failure;

class SshPublicKeysTest {

    /** Made by OpenSSH's ssh-keygen; its fingerprint as {@code ssh-keygen -l -E sha256} prints it. */
    private static final String OPENSSH_LINE =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO972BImHhr/zvstMLB64DHKBdBwQbzKGWk/Kq8oJnHC laptop";

    @Test
    void anOpenSshLineHasTheFingerprintSshKeygenShows() {
        SshPublicKeys.Parsed key = SshPublicKeys.parse(OPENSSH_LINE);

        assertEquals("SHA256:KBUnH9erQW3Axj9cZya286NYAo3zXAaklhFGou+yQq8", key.fingerprint());
        assertEquals("ssh-ed25519", key.algorithm());
        assertEquals("laptop", key.comment());
        assertEquals(OPENSSH_LINE.substring(0, OPENSSH_LINE.lastIndexOf(' ')), key.line());
    }

    @Test
    void aGeneratedPairIsAnOpenSshPrivateKeyAndAPublicLineThatReadsBack() {
        SshPublicKeys.Pair pair = SshPublicKeys.generate("alice@p2p-storage");

        assertTrue(pair.privateKey().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"), pair.privateKey());
        SshPublicKeys.Parsed again = SshPublicKeys.parse(pair.publicKey().line());
        assertEquals(pair.publicKey().fingerprint(), again.fingerprint());
        assertEquals("ssh-ed25519", again.algorithm());
    }

    @Test
    void anythingElseIsRefusedWithAMessage() {
        Failure garbage = assertThrows(Failure.class, () -> SshPublicKeys.parse("ssh-ed25519 not-base64"));
        assertEquals(Failure.Kind.INVALID, garbage.kind());
        assertEquals(Failure.Kind.INVALID, assertThrows(Failure.class, () -> SshPublicKeys.parse(" ")).kind());
        assertEquals(Failure.Kind.INVALID, assertThrows(Failure.class,
                () -> SshPublicKeys.parse("-----BEGIN OPENSSH PRIVATE KEY-----")).kind());
    }
}
