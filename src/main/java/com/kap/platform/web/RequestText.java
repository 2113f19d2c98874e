package com.kap.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A request body as text, decoded strictly in the charset its Content-Type declares (UTF-8 when none): bytes that
 * are not valid in it are refused with 400 and the line they are on, instead of being read as garbled text.
 */
public final class RequestText {

  private static final int CHUNK = 8192;

  private RequestText() {}

  /** The text, without a leading byte order mark; {@code what} names the body in errors, e.g. "the file". */
  public static String read(InputStream body, MediaType contentType, String what) throws IOException {
    Charset charset = contentType == null || contentType.getCharset() == null
        ? StandardCharsets.UTF_8 : contentType.getCharset();
    return read(body, charset, what, "send it as UTF-8 or declare its charset in the Content-Type header");
  }

  /**
   * An uploaded file as UTF-8 text, without a leading byte order mark; {@code what} names it in errors, and
   * {@code advice} follows the line of a byte that is no UTF-8, e.g. how to save the file as UTF-8.
   */
  public static String readUtf8(InputStream body, String what, String advice) throws IOException {
    return read(body, StandardCharsets.UTF_8, what, advice);
  }

  private static String read(InputStream body, Charset charset, String what, String advice) throws IOException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    StringBuilder text = new StringBuilder();
    ByteBuffer in = ByteBuffer.allocate(CHUNK);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    boolean end = false;
    while (!end) {
      int read = body.read(in.array(), in.position(), in.remaining());
      end = read < 0;
      in.position(in.position() + Math.max(read, 0));
      in.flip();
      CoderResult result;
      do {
        result = decoder.decode(in, out, end);
        drain(out, text);
      } while (result.isOverflow());
      if (result.isError()) {
        throw new ApiException(HttpStatus.BAD_REQUEST, what + " is not valid " + charset.name() + " text (line "
            + lineAtEnd(text) + "); " + advice);
      }
      in.compact();
    }
    while (decoder.flush(out).isOverflow()) {
      drain(out, text);
    }
    drain(out, text);
    return text.length() > 0 && text.charAt(0) == '\uFEFF' ? text.substring(1) : text.toString();
  }

  private static void drain(CharBuffer out, StringBuilder text) {
    out.flip();
    text.append(out);
    out.clear();
  }

  /** The 1-based line the text ends on (LF, CRLF or CR line ends). */
  private static long lineAtEnd(CharSequence text) {
    long line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }
}
