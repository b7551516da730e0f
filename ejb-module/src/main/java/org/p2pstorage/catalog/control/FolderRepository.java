package org.p2pstorage.catalog.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.entity.Folder;
import org.p2pstorage.catalog.entity.StoredFile;

/** The folders of the users' drives: create, find, list, move, remove when empty, and name them as paths. */
@Stateless
public class FolderRepository {

    @PersistenceContext
    EntityManager em;

    public Folder create(String owner, String parentId, String name) {
        Folder folder = new Folder(CatalogRepository.newId(), owner, name, parentId);
        em.persist(folder);
        return folder;
    }

    public Optional<Folder> find(String folderId) {
        return Optional.ofNullable(folderId).map(id -> em.find(Folder.class, id));
    }

    public Folder rename(String folderId, String name) {
        Folder folder = em.find(Folder.class, folderId);
        folder.rename(name);
        return folder;
    }

    public Folder move(String folderId, String parentId) {
        Folder folder = em.find(Folder.class, folderId);
        folder.moveTo(parentId);
        return folder;
    }

    /** Whether {@code folderId} is {@code ancestorId} or lies somewhere inside it. */
    public boolean within(String folderId, String ancestorId) {
        int depth = 0;
        for (String at = folderId; at != null && depth < 256; depth++) {
            if (at.equals(ancestorId)) {
                return true;
            }
            at = find(at).map(Folder::parentId).orElse(null);
        }
        return false;
    }

    public List<Folder> of(String owner) {
        return em.createNamedQuery(Folder.OF_OWNER, Folder.class).setParameter("owner", owner).getResultList();
    }

    /** Removes an empty folder; answers false (and keeps it) when files or folders are still in it. */
    public boolean remove(String folderId) {
        long files = em.createNamedQuery(StoredFile.COUNT_IN_FOLDER, Long.class)
                .setParameter("folderId", folderId).getSingleResult();
        long folders = em.createNamedQuery(Folder.COUNT_CHILDREN, Long.class)
                .setParameter("folderId", folderId).getSingleResult();
        if (files + folders > 0) {
            return false;
        }
        find(folderId).ifPresent(em::remove);
        return true;
    }

    /** The folder as a path of names from the top of the drive ({@code Photos/2024}); empty for the top. */
    public String path(String folderId) {
        List<String> names = new ArrayList<>();
        for (Folder folder = find(folderId).orElse(null); folder != null && names.size() < 64;
             folder = find(folder.parentId()).orElse(null)) {
            names.add(0, folder.name());
        }
        return String.join("/", names);
    }

    /** The owner's folder at this path, made where missing (as a rebuilt catalog needs it); null for the top. */
    public String ensurePath(String owner, String path) {
        String parentId = null;
        if (path == null || path.isBlank()) {
            return null;
        }
        for (String name : path.split("/")) {
            String parent = parentId;
            parentId = of(owner).stream()
                    .filter(f -> f.name().equals(name) && java.util.Objects.equals(f.parentId(), parent))
                    .map(Folder::id).findFirst()
                    .orElseGet(() -> create(owner, parent, name).id());
        }
        return parentId;
    }
}
