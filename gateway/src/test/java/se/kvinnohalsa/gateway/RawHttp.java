package se.kvinnohalsa.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients cannot do: connect from a chosen local address (127.0.0.2
 * is another host on the loopback network), or send part of a body and stall.
 */
public final class RawHttp {

    /** An answer: status, headers (lower-case names) and body. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, then reads the answer. */
    public static Reply exchange(String fromAddress, int port, String head, String body, Duration timeout) {
        try (Socket socket = open(fromAddress, port, timeout)) {
            send(socket, head + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n", body);
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Announces {@code declaredLength} bytes of body, sends only {@code partialBody} and then nothing more; reads the
     * answer the server gives meanwhile.
     */
    public static Reply stall(int port, String head, int declaredLength, String partialBody, Duration timeout) {
        try (Socket socket = open("127.0.0.1", port, timeout)) {
            send(socket, head + "Content-Length: " + declaredLength + "\r\n", partialBody);
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket open(String fromAddress, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(fromAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        return socket;
    }

    private static void send(Socket socket, String head, String body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((head + "Host: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            in.transferTo(body);
        } else {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(),
                    16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        return new Reply(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
