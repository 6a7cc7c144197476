package io.timeledger.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: for requests no HTTP client will send as written (a forged
 * {@code Host}, a malformed URL, 70,000 bytes of header), so that nothing tidies them on the way.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status, the response's header block (names lower-cased) and its body. */
    public record Answer(int status, String headers, String body) { }

    /** One request over a fresh socket, exactly as written. */
    /**
     * Sends {@code requestLine} (method and target) to the server on {@code port}, with a bearer
     * token if given, the headers given ({@code Host: localhost} unless they name another) and a body.
     */
    public static Answer send(int port, String requestLine, String token, Map<String, String> headers, String body) {
        try (var socket = new Socket("localhost", port)) {
            var request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nConnection: close\r\n");
            if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
                request.append("Host: localhost\r\n");
            }
            if (token != null) {
                request.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            request.append("\r\n");
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            var response = readAll(socket.getInputStream());
            var head = new String(response, 0, Math.min(response.length, 12), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            int split = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            var answered = new String(response, 0, Math.max(split, 0), StandardCharsets.ISO_8859_1).toLowerCase();
            var content = split < 0 ? new byte[0] : Arrays.copyOfRange(response, split + 4, response.length);
            if (answered.contains("transfer-encoding: chunked")) {
                content = unchunk(content);
            }
            var text = new String(content, StandardCharsets.UTF_8);
            return new Answer(status, answered, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        var body = new ByteArrayOutputStream();
        var crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < chunked.length) {
            int end = indexOf(chunked, crlf, at);
            if (end < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, at, end - at, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, end + 2, Math.min(size, chunked.length - end - 2));
            at = end + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
