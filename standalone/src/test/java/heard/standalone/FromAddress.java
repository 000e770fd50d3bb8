package heard.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests from another loopback address (127.0.0.2, …), so that the app counts another client, while
 * they still name {@code localhost} as the site they are for (the app answers only its own host names).
 * A plain socket: Java's HTTP clients do not let a caller set {@code Host}.
 */
final class FromAddress {
    private final String address;
    private final int port;

    FromAddress(String address, int port) {
        this.address = address;
        this.port = port;
    }

    record Answer(int status, List<String> headers) {
        String header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse("");
        }
    }

    /** Posts the sign-in form as a browser on the sign-in page does. */
    Answer signIn(String user, String password) {
        String body = FormPage.body("username", user, "password", password);
        return send("POST /signin", body, "Content-Type: application/x-www-form-urlencoded",
                "Origin: http://localhost:" + port);
    }

    Answer get(String path, String... headers) {
        return send("GET " + path, null, headers);
    }

    private Answer send(String requestLine, String body, String... headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String[] lines = all.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            List<String> answered = new ArrayList<>();
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                answered.add(lines[i]);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
