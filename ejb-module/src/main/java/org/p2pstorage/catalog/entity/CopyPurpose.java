package org.p2pstorage.catalog.entity;

/** Why a copy was sent: as part of its file's upload, or by repair to bring its chunk back to strength. */
public enum CopyPurpose {
    UPLOAD,
    REPAIR
}
