package org.p2pstorage.catalog.boundary;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The portal's picture of a file's type: a PrimeIcons name from its extension, as Drive shows one per row. */
@Named
@ApplicationScoped
public class FileKinds {

    public String icon(String name) {
        String extension = name != null && name.contains(".")
                ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return switch (extension) {
            case "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp" -> "pi pi-image";
            case "pdf" -> "pi pi-file-pdf";
            case "doc", "docx", "odt", "rtf" -> "pi pi-file-word";
            case "xls", "xlsx", "ods", "csv" -> "pi pi-file-excel";
            case "mp4", "mkv", "avi", "mov", "webm" -> "pi pi-video";
            case "mp3", "wav", "ogg", "flac" -> "pi pi-volume-up";
            case "zip", "gz", "tar", "7z", "rar", "bz2", "xz" -> "pi pi-box";
            case "txt", "md", "log" -> "pi pi-file-edit";
            default -> "pi pi-file";
        };
    }
}
