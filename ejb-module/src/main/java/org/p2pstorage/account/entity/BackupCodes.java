package org.p2pstorage.account.entity;

import java.util.List;

/** Fresh single-use backup codes, shown this once. */
public record BackupCodes(List<String> backupCodes) {

    @Override
    public String toString() {
        return "BackupCodes[" + backupCodes.size() + "]";
    }
}
