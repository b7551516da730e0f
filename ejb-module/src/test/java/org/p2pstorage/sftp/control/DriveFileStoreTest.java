package org.p2pstorage.sftp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;
import org.junit.jupiter.api.Test;

class DriveFileStoreTest {

    @Test
    void theDiskIsTheQuotaAndWhatIsLeftOfIt() {
        DriveFileStore store = new DriveFileStore("alice", 1_000_000_000L, 250_000_000L);
        assertEquals(1_000_000_000L, store.getTotalSpace());
        assertEquals(750_000_000L, store.getUsableSpace());
        OpenSSHStatExtensionInfo info = store.statVfs();
        assertEquals(DriveFileStore.BLOCK, info.f_frsize);
        assertEquals(1_000_000_000L / DriveFileStore.BLOCK, info.f_blocks);
        assertEquals(750_000_000L / DriveFileStore.BLOCK, info.f_bavail);
        assertEquals(info.f_bavail, info.f_bfree);
    }

    @Test
    void aQuotaOverspentLeavesNothingFree() {
        DriveFileStore store = new DriveFileStore("bob", 100, 500);
        assertEquals(0, store.getUsableSpace());
        assertEquals(0, store.statVfs().f_bavail);
    }
}
