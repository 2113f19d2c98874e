package com.kap.platform.pages;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload.FileCountLimitExceededException;
import org.apache.commons.fileupload.FileItemHeaders;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadBase;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.MultipartStream;
import org.apache.commons.fileupload.UploadContext;

/**
 * A page's {@code multipart/form-data} post (a form with a file), read whole into memory up to a limit: its fields
 * are the request's parameters (so that the CSRF field {@code _csrf} is found as in any other form), its files the
 * request's parts ({@link HttpServletRequest#getPart(String)}). Spring's multipart support stays off in KAP; only
 * KAP's pages read such posts, here.
 */
final class MultipartForm extends HttpServletRequestWrapper {

  /** The most fields and files one form may send. */
  static final int MAX_PARTS = 20;

  private final Map<String, String[]> parameters;
  private final Map<String, Part> parts;

  private MultipartForm(HttpServletRequest request, Map<String, String[]> parameters, Map<String, Part> parts) {
    super(request);
    this.parameters = Collections.unmodifiableMap(parameters);
    this.parts = Collections.unmodifiableMap(parts);
  }

  static boolean isMultipartForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** The form was larger than the limit. */
  static final class TooLarge extends Exception {
    TooLarge(Throwable cause) {
      super(cause);
    }
  }

  /** The body was no multipart form KAP could read (no boundary, cut short, too many parts). */
  static final class Malformed extends Exception {
    Malformed(Throwable cause) {
      super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
    }
  }

  /**
   * Reads the whole form: fields as UTF-8 text, files as bytes.
   *
   * @throws TooLarge when the body passes {@code maxBytes}, whether declared or counted while reading
   * @throws Malformed when it is no well-formed multipart form
   */
  static MultipartForm read(HttpServletRequest request, long maxBytes) throws IOException, TooLarge, Malformed {
    FileUpload upload = new FileUpload();
    upload.setSizeMax(maxBytes);
    upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, Part> files = new LinkedHashMap<>();
    try {
      FileItemIterator items = upload.getItemIterator(new Context(request));
      int count = 0;
      while (items.hasNext()) {
        if (++count > MAX_PARTS) { // the streaming API counts none itself
          throw new FileCountLimitExceededException("the form has more than " + MAX_PARTS + " fields and files",
              MAX_PARTS);
        }
        FileItemStream item = items.next();
        byte[] content;
        try (InputStream in = item.openStream()) {
          content = in.readAllBytes();
        }
        if (item.isFormField()) {
          fields.computeIfAbsent(item.getFieldName(), name -> new ArrayList<>())
              .add(new String(content, StandardCharsets.UTF_8));
        } else if (item.getFieldName() != null) {
          files.putIfAbsent(item.getFieldName(), new FilePart(item.getFieldName(), item.getName(),
              item.getContentType(), item.getHeaders(), content));
        }
      }
    } catch (FileUploadException | IOException e) {
      if (sizeExceeded(e)) {
        throw new TooLarge(e);
      }
      if (e instanceof FileUploadException || e instanceof FileUploadBase.FileUploadIOException
          || e instanceof MultipartStream.MalformedStreamException) {
        throw new Malformed(e);
      }
      throw (IOException) e; // the connection broke
    }
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap()); // the query's
    fields.forEach((name, values) -> parameters.merge(name, values.toArray(String[]::new), MultipartForm::both));
    return new MultipartForm(request, parameters, files);
  }

  private static boolean sizeExceeded(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FileUploadBase.SizeLimitExceededException
          || cause instanceof FileUploadBase.FileSizeLimitExceededException) {
        return true;
      }
    }
    return false;
  }

  private static String[] both(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values.clone();
  }

  @Override
  public Collection<Part> getParts() {
    return parts.values();
  }

  @Override
  public Part getPart(String name) {
    return parts.get(name);
  }

  /** The body was read to the end here. */
  @Override
  public ServletInputStream getInputStream() {
    return new Drained();
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new StringReader(""));
  }

  /** The request as commons-fileupload reads it. */
  private record Context(HttpServletRequest request) implements UploadContext {

    @Override
    public String getCharacterEncoding() {
      return request.getCharacterEncoding();
    }

    @Override
    public String getContentType() {
      return request.getContentType();
    }

    @Override
    @Deprecated
    public int getContentLength() {
      return request.getContentLength();
    }

    @Override
    public long contentLength() {
      return request.getContentLengthLong();
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return request.getInputStream();
    }
  }

  /** A file of the form, in memory. */
  private record FilePart(String name, String fileName, String contentType, FileItemHeaders headers, byte[] content)
      implements Part {

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(content);
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getSubmittedFileName() {
      return fileName;
    }

    @Override
    public long getSize() {
      return content.length;
    }

    /** Writes the file to {@code path} (a relative one under the JVM's temporary directory). */
    @Override
    public void write(String path) throws IOException {
      Path target = Path.of(path);
      Files.write(target.isAbsolute() ? target : Path.of(System.getProperty("java.io.tmpdir")).resolve(target),
          content);
    }

    /** Nothing to delete: the file was never on disk. */
    @Override
    public void delete() {}

    @Override
    public String getHeader(String header) {
      return headers == null ? null : headers.getHeader(header);
    }

    @Override
    public Collection<String> getHeaders(String header) {
      List<String> values = new ArrayList<>();
      if (headers != null) {
        headers.getHeaders(header).forEachRemaining(values::add);
      }
      return values;
    }

    @Override
    public Collection<String> getHeaderNames() {
      List<String> names = new ArrayList<>();
      if (headers != null) {
        headers.getHeaderNames().forEachRemaining(names::add);
      }
      return names;
    }
  }

  /** An input stream at its end. */
  private static final class Drained extends ServletInputStream {

    @Override
    public int read() {
      return -1;
    }

    @Override
    public boolean isFinished() {
      return true;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      try {
        listener.onAllDataRead();
      } catch (IOException e) {
        listener.onError(e);
      }
    }
  }
}
