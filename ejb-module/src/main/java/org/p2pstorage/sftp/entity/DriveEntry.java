package org.p2pstorage.sftp.entity;

import java.time.Instant;

/**
 * A name in the drive as SFTP shows it: a folder or a settled file. {@code id} is the folder's or the
 * file's id ({@code null} for the top of the drive), {@code parentId} the folder it sits in.
 */
public record DriveEntry(String name, boolean folder, String id, String parentId, long size, Instant modified) {

    public static DriveEntry driveTop() {
        return new DriveEntry("/", true, null, null, 0, Instant.EPOCH);
    }

    public boolean isTop() {
        return folder && id == null;
    }
}
