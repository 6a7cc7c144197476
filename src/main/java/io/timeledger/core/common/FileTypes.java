package io.timeledger.core.common;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an uploaded file holds, told by its first bytes, never by the name or type a browser
 * claims: the pictures people upload (PNG, JPEG, GIF, WebP) and PDF documents.
 */
public final class FileTypes {

    public static final String PDF = "application/pdf";

    private FileTypes() {
    }

    /** The picture's media type, if {@code bytes} are one. */
    public static Optional<String> picture(byte[] bytes) {
        if (startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
            return Optional.of("image/gif");
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** A picture's media type, or PDF's, if {@code bytes} are either. */
    public static Optional<String> pictureOrPdf(byte[] bytes) {
        return picture(bytes).or(() -> startsWith(bytes, 0, ascii("%PDF-")) ? Optional.of(PDF) : Optional.empty());
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
            && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
