package com.kap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for bodies an HTTP client will not send as asked: a declared Content-Length with a
 * body streamed from a generator, or chunked. The body is written on its own thread while the response is read, as
 * a server may answer (413) before it has read the body and then close the connection.
 */
public final class RawHttp {

  private static final int TIMEOUT_MILLIS = 120_000;

  private RawHttp() {}

  public record Response(int status, Map<String, String> headers, String body) {}

  /** Sends the body with {@code contentLength} declared, or chunked when it is null. */
  public static Response post(int port, String path, String user, String contentType, Long contentLength,
      InputStream body) throws IOException, InterruptedException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n")
          .append("Content-Type: ").append(contentType).append("\r\n")
          .append("Authorization: Basic ").append(Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n")
          .append(contentLength == null ? "Transfer-Encoding: chunked" : "Content-Length: " + contentLength)
          .append("\r\nConnection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread writer = new Thread(() -> writeBody(out, body, contentLength == null), "raw-http-body");
      writer.setDaemon(true);
      writer.start();
      Response response = read(socket.getInputStream());
      socket.close();
      writer.join(TIMEOUT_MILLIS);
      return response;
    }
  }

  private static void writeBody(OutputStream out, InputStream body, boolean chunked) {
    byte[] buffer = new byte[64 * 1024];
    try (body) {
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        if (chunked) {
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(buffer, 0, n);
        if (chunked) {
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      }
      if (chunked) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException serverStoppedReading) {
      // expected once the server has answered and closed the connection
    }
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line(in).split(";")[0], 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0], 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else {
      body.write(in.readAllBytes());
    }
    return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed inside the response head");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
