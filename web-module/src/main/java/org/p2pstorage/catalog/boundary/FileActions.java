package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import org.p2pstorage.failure.entity.Failure;

/**
 * What My Drive and File details do alike with one file: a download that, when the network cannot serve
 * it, says so by the file's name and why in words a user can act on (a message that stays until closed,
 * not an id in a four-second toast), and the "name (1).ext" that keeps both files of one name.
 */
final class FileActions {

    private FileActions() {
    }

    /**
     * Checks that the file can be downloaded now, then sends the browser to the download servlet
     * ({@code /drive/download/<id>}, signed in by the portal's session), which streams it without a
     * waiting thread as the API's download does; a file that cannot be served is explained on the page.
     */
    static void download(Downloads files, String owner, String fileId, String name) {
        try {
            files.download(owner, fileId);
        } catch (Failure failure) {
            refused(name, failure);
            return;
        } catch (EJBException e) {
            if (e.getCause() instanceof Failure failure) {
                refused(name, failure);
                return;
            }
            throw e;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + DownloadServlet.PORTAL_PATH + fileId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refused(String name, Failure failure) {
        String why = switch (failure.kind()) {
            case UNAVAILABLE -> "every copy of a part of it is on a stopped node; try again once one is back";
            case CORRUPT -> "part of it is missing or damaged on its node";
            case CONFLICT -> "it is not complete (still uploading, or its upload failed)";
            case NOT_FOUND -> "it no longer exists";
            default -> "the server refused it";
        };
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                "“" + name + "” cannot be downloaded: " + why + ".", null));
    }

    /**
     * Names are never changed silently: when the catalog kept a name other than the one typed or uploaded
     * (its rules took a part away), the user is told which name the file has now. Answers whether it said so.
     */
    static boolean sayIfChanged(String typed, String kept) {
        if (typed == null || kept == null || typed.strip().equals(kept)) {
            return false;
        }
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                "“" + typed.strip() + "” was saved as “" + kept + "”: only the part after the last / or \\ is kept.", null));
        return true;
    }

    /** The first of "name (1).ext", "name (2).ext", … that no file in {@code taken} has. */
    static String freeName(String name, Collection<String> taken) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            String candidate = stem + " (" + n + ")" + extension;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
