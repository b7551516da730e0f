package org.p2pstorage.catalog.entity;

import java.util.Locale;

import org.p2pstorage.failure.entity.Failure;

/**
 * The rules every file and folder name follows, wherever it comes from (upload, rename, folder; SFTP
 * and gRPC when they come): any printable Unicode, emoji included, up to {@value #MAX_LENGTH}
 * characters, but no control character, no line separator, and no invisible formatting character
 * (Unicode category Cf: right-to-left and other bidi overrides, zero-width spaces and joiners, soft
 * hyphens), since those make a name look like another ({@code "cod\u202Etxt.exe"} shows as
 * "codexe.txt"). The one exception is the zero-width joiner inside an emoji sequence (👩‍💻), and the tag
 * characters of flag emoji, which only join pictographs. A name is stripped of surrounding blanks and
 * cannot be {@code .} or {@code ..}.
 * <p>
 * Paths: a name never contains {@code /} or {@code \}. An upload's name that is a path ({@code ../x},
 * {@code C:\dir\x}, as some clients send it) keeps only its last segment ({@link #ofUpload}); a rename or
 * a folder name with a slash is refused.
 */
public final class FileName {

    public static final int MAX_LENGTH = 255;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private FileName() {
    }

    /** The name, stripped, if it follows the rules; else {@link Failure#invalid} saying which one it breaks. */
    public static String valid(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw Failure.invalid("the name is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw Failure.invalid("'.' and '..' are not names");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw Failure.invalid("a name cannot contain '/' or '\\'");
        }
        if (name.length() > MAX_LENGTH) {
            throw Failure.invalid("the name is " + name.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        int previous = -1;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            int next = i + Character.charCount(c) < name.length() ? name.codePointAt(i + Character.charCount(c)) : -1;
            String refusal = refusal(c, previous, next);
            if (refusal != null) {
                throw Failure.invalid("the name contains " + codePoint(c) + ", " + refusal);
            }
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                previous = c;
            }
            i += Character.charCount(c);
        }
        return name;
    }

    /** An uploaded file's name: the last segment of a path, then {@link #valid}. */
    public static String ofUpload(String raw) {
        String name = raw == null ? "" : raw;
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return valid(name.substring(cut + 1));
    }

    private static String refusal(int c, int previous, int next) {
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "a control character";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line break";
            case Character.SURROGATE -> "half of a character (the text is not valid UTF-16)";
            case Character.FORMAT -> joinsEmoji(c, previous, next) ? null
                    : "an invisible formatting character (such as a right-to-left override or a zero-width space), "
                    + "which can make a name look like another";
            default -> null;
        };
    }

    /** The zero-width joiner between two pictographs, and the tags after a flag's pictograph. */
    private static boolean joinsEmoji(int c, int previous, int next) {
        boolean afterPictograph = previous >= 0 && (Character.getType(previous) == Character.OTHER_SYMBOL || tag(previous));
        if (c == ZERO_WIDTH_JOINER) {
            return afterPictograph && next >= 0 && Character.getType(next) == Character.OTHER_SYMBOL;
        }
        return tag(c) && afterPictograph;
    }

    private static boolean tag(int c) {
        return c >= 0xE0020 && c <= 0xE007F;
    }

    private static String codePoint(int c) {
        return "U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT);
    }
}
