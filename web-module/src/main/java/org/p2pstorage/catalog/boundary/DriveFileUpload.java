package org.p2pstorage.catalog.boundary;

import jakarta.faces.context.FacesContext;

import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.model.file.UploadedFile;

/**
 * PrimeFaces' file upload without its own file-name check, so that one rule decides every name, however
 * it enters: the catalog's, in {@link Uploads#upload} (and rename), whose reason the page shows. PrimeFaces
 * refused names with {@code < > : " | ? *} or {@code %20} before the catalog saw them, with a bare "File
 * Error". Its check guards names used as paths on the server's disk; here a name is only catalog text (the
 * spooled part and the chunk files are named by the container and by ids). Registered in faces-config.xml
 * in place of PrimeFaces' component; size limits and the rest of its validation still apply.
 */
public class DriveFileUpload extends FileUpload {

    @Override
    public void validateFilename(FacesContext context, UploadedFile file) {
        // the catalog's rule applies when the file is stored
    }
}
