package com.kap.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.util.unit.DataSize;

/**
 * A request whose body is counted as it is read, for bodies of unknown length (chunked): the read that passes the
 * limit throws {@link RequestBodyTooLarge}, so that nothing past the limit is read or held.
 */
final class SizeLimitedRequest extends HttpServletRequestWrapper {

  private final DataSize limit;
  private long bytesRead;
  private boolean exceeded;
  private ServletInputStream stream;
  private BufferedReader reader;

  SizeLimitedRequest(HttpServletRequest request, DataSize limit) {
    super(request);
    this.limit = limit;
  }

  /** Whether the body was larger than the limit. */
  boolean exceeded() {
    return exceeded;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      stream = new CountingStream(super.getInputStream());
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (reader == null) {
      String encoding = getCharacterEncoding();
      reader = new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.ISO_8859_1.name() : encoding));
    }
    return reader;
  }

  private int counted(int bytes) throws RequestBodyTooLarge {
    if (bytes > 0) {
      bytesRead += bytes;
      if (bytesRead > limit.toBytes()) {
        exceeded = true;
      }
    }
    if (exceeded) {
      throw new RequestBodyTooLarge(limit);
    }
    return bytes;
  }

  private final class CountingStream extends ServletInputStream {

    private final ServletInputStream body;

    CountingStream(ServletInputStream body) {
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return counted(body.read(buffer, offset, length));
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
      return body.available();
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
