package com.kap.platform.web;

import com.kap.platform.i18n.Bundles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A request body as text, decoded strictly in the charset its Content-Type declares (UTF-8 when none): bytes that
 * are not valid in it are refused with 400 and the line they are on, instead of being read as garbled text.
 *
 * <p>A file as a spreadsheet saves it ({@link #readSpreadsheet}) may also come without a declared charset in
 * Windows-1252, as Excel on Windows writes "CSV (separated by semicolons)": its encoding is detected.
 */
public final class RequestText {

  /** Excel's "CSV" on Windows in western Europe; it covers Latin-1's printable characters and adds €, œ, ’... */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int CHUNK = 8192;
  private static final MessageSourceResolvable DECLARE_IT = text("error.text.declareCharset");

  private RequestText() {}

  /** The text, without a leading byte order mark; {@code what} names the body in errors, e.g. "the file". */
  public static String read(InputStream body, MediaType contentType, MessageSourceResolvable what)
      throws IOException {
    Charset charset = contentType == null || contentType.getCharset() == null
        ? StandardCharsets.UTF_8 : contentType.getCharset();
    return read(body, charset, what, DECLARE_IT);
  }

  /**
   * A file as a spreadsheet saves it, without a leading byte order mark: in the charset the Content-Type declares
   * (strictly, as {@link #read}), else detected, never chosen by the user: UTF-8 when it starts with UTF-8's byte
   * order mark or its bytes are valid UTF-8, else Windows-1252. A file with a NUL byte, or a byte Windows-1252 leaves
   * undefined, is no text and is refused with 400 and its line; {@code advice} follows, e.g. how to save it.
   *
   * @param contentType the body's declared type, or null for an upload whose charset nobody declared
   */
  public static String readSpreadsheet(InputStream body, MediaType contentType, MessageSourceResolvable what,
      MessageSourceResolvable advice) throws IOException {
    if (contentType != null && contentType.getCharset() != null) {
      return read(body, contentType.getCharset(), what, advice);
    }
    byte[] bytes = body.readAllBytes();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw notText(what, lineBefore(bytes, i), advice);
      }
    }
    if (isUtf8(bytes)) {
      return read(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, what, advice);
    }
    try {
      return read(new ByteArrayInputStream(bytes), WINDOWS_1252, what, advice);
    } catch (ApiException undefinedByte) {
      throw notText(what, undefinedLine(bytes), advice);
    }
  }

  /** Whether the bytes are valid UTF-8 (a byte order mark included). */
  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static ApiException notText(MessageSourceResolvable what, long line, MessageSourceResolvable advice) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "error.text.notText", what, String.valueOf(line), advice);
  }

  /** The line of the first byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). */
  private static long undefinedLine(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
        return lineBefore(bytes, i);
      }
    }
    return lineBefore(bytes, bytes.length);
  }

  /** The 1-based line of the byte at {@code end}. */
  private static long lineBefore(byte[] bytes, int end) {
    long line = 1;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  private static MessageSourceResolvable text(String key) {
    return Bundles.text(key);
  }

  private static String read(InputStream body, Charset charset, MessageSourceResolvable what,
      MessageSourceResolvable advice) throws IOException {
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
        throw ApiException.of(HttpStatus.BAD_REQUEST, "error.text.invalid", what, charset.name(),
            String.valueOf(lineAtEnd(text)), advice);
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
