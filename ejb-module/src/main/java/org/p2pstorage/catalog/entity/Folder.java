package org.p2pstorage.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A folder of a user's drive, as in Drive: it has a name and lies in another folder or at the top
 * ({@code parentId} null, "My Drive"). Files name their folder; a folder holds no chunks itself.
 */
@Entity
@Table(name = "folder")
@NamedQueries({
        @NamedQuery(name = Folder.OF_OWNER, query = "SELECT f FROM Folder f WHERE f.owner = :owner ORDER BY f.name"),
        @NamedQuery(name = Folder.COUNT_CHILDREN,
                query = "SELECT COUNT(f) FROM Folder f WHERE f.parentId = :folderId")})
public class Folder {

    public static final String OF_OWNER = "Folder.ofOwner";
    public static final String COUNT_CHILDREN = "Folder.countChildren";

    @Id
    @Column(length = 32)
    private String id;

    @Column(nullable = false, length = 32)
    private String owner;

    @Column(nullable = false, length = StoredFile.MAX_NAME_LENGTH)
    private String name;

    @Column(length = 32)
    private String parentId;

    @Column(nullable = false)
    private Instant createdAt;

    protected Folder() {
    }

    public Folder(String id, String owner, String name, String parentId) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.parentId = parentId;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public boolean ownedBy(String username) {
        return owner.equals(username);
    }

    public String name() {
        return name;
    }

    /** A new name (the caller has checked it, as for a file's). */
    public void rename(String name) {
        this.name = name;
    }

    public String parentId() {
        return parentId;
    }

    /** Into another folder ({@code null}: the top of the drive); the caller has checked it is not inside this one. */
    public void moveTo(String parentId) {
        this.parentId = parentId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
