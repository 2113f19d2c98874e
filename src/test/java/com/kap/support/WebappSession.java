package com.kap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser's session with Camunda's webapps (Tasklist, Cockpit, Admin) without the browser: it logs in through
 * /camunda/api/admin/auth, keeps the session cookie, and sends the XSRF token the webapps' CSRF filter asks for.
 */
public class WebappSession {

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  public WebappSession(int port) {
    this.base = "http://localhost:" + port + "/camunda";
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs into one webapp (tasklist, cockpit, admin); the status is 200 when the user may use it. */
  public int login(String user, String password, String app) {
    get("/api/admin/auth/user/default"); // hands out the XSRF token
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    int status = send(request("/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    // the login starts a new session, whose XSRF token only the next GET hands out
    get("/api/admin/auth/user/default");
    return status;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** What the webapps' HTTP client accepts: HAL first, so that task lists come with their variables embedded. */
  public static final String WEBAPP_ACCEPT = "application/hal+json, application/json; q=0.5";

  /** A GET with the webapps' own Accept header ({@link #WEBAPP_ACCEPT}). */
  public HttpResponse<String> getAsWebapp(String path) {
    return send(request(path).setHeader("Accept", WEBAPP_ACCEPT).GET());
  }

  /** A JSON POST with the XSRF token and the webapps' own Accept header ({@link #WEBAPP_ACCEPT}). */
  public HttpResponse<String> postJsonAsWebapp(String path, String json) {
    return send(request(path).setHeader("Accept", WEBAPP_ACCEPT).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", xsrfToken()).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON POST as the webapps send it, with the XSRF token. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The same POST without the XSRF token, as a forged cross-site request would arrive. */
  public HttpResponse<String> postJsonWithoutXsrfToken(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A GET of one of KAP's pages, e.g. {@code /kap/dashboard}, in this session; redirects are not followed. */
  public HttpResponse<String> page(String path) {
    return send(HttpRequest.newBuilder(URI.create(base.replace("/camunda", "") + path)).header("Accept", "text/html")
        .GET());
  }

  /** A GET of JSON under /kap/ (e.g. {@code /kap/links}) in this session, as KAP's Tasklist script asks for it. */
  public HttpResponse<String> pageJson(String path) {
    return send(HttpRequest.newBuilder(URI.create(base.replace("/camunda", "") + path))
        .header("Accept", "application/json").GET());
  }

  /** A GET of a file the pages link to (e.g. {@code /kap/exports/...}), as a browser follows the link. */
  public HttpResponse<byte[]> download(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base.replace("/camunda", "") + path))
          .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A form POST to one of KAP's pages, with the given CSRF field (none when null). */
  public HttpResponse<String> postPage(String path, String form, String csrfToken) {
    String body = csrfToken == null ? form : form + "&_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(URI.create(base.replace("/camunda", "") + path)).header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * A form with a file ({@code multipart/form-data}) posted to one of KAP's pages, as a browser sends it: the CSRF
   * field first (none when null), then the other fields, then the file under the field {@code fileField}.
   */
  public HttpResponse<String> postPageWithFile(String path, String csrfToken, Map<String, String> fields,
      String fileField, String fileName, byte[] file) {
    String boundary = "----KapFormBoundary" + Long.toHexString(System.nanoTime());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>();
    if (csrfToken != null) {
      all.put("_csrf", csrfToken);
    }
    all.putAll(fields);
    all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    if (fileField != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
          + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base.replace("/camunda", "") + path)).header("Accept", "text/html")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** The webapps' CSRF token of this session, which KAP's pages put into their forms. */
  public String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
