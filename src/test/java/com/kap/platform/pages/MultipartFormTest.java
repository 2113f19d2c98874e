package com.kap.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.Part;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A page's form with a file, read by the pages' filter: fields as parameters, files as parts, limits kept. */
class MultipartFormTest {

  private static final String BOUNDARY = "----form";

  @Test
  void fieldsBecomeParametersBesideTheQueryAndFilesParts() throws Exception {
    MockHttpServletRequest request = post(field("_csrf", "T0KEN") + field("note", "Grüße")
        + file("file", "portfolio.csv", "accountId,name\r\nA1,Acme\r\n") + end(), null);
    request.setQueryString("step=preview");
    request.addParameter("step", "preview");

    MultipartForm form = MultipartForm.read(request, 10_000);

    assertThat(form.getParameter("_csrf")).isEqualTo("T0KEN");
    assertThat(form.getParameter("note")).isEqualTo("Grüße");
    assertThat(form.getParameter("step")).isEqualTo("preview");
    assertThat(form.getParameterMap()).containsOnlyKeys("step", "_csrf", "note");
    Part file = form.getPart("file");
    assertThat(file.getSubmittedFileName()).isEqualTo("portfolio.csv");
    assertThat(file.getContentType()).isEqualTo("text/csv");
    assertThat(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("accountId,name\r\nA1,Acme\r\n");
    assertThat(file.getSize()).isEqualTo(25);
    assertThat(form.getParts()).containsExactly(file);
    assertThat(form.getInputStream().read()).as("the body was read here").isEqualTo(-1);
  }

  @Test
  void aFormLargerThanTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() {
    String body = field("_csrf", "T0KEN") + file("file", "big.csv", "x".repeat(2_000)) + end();
    assertThatThrownBy(() -> MultipartForm.read(post(body, null), 1_000)).isInstanceOf(MultipartForm.TooLarge.class);
    MockHttpServletRequest unknownLength = new MockHttpServletRequest("POST", "/kap/import") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }

      @Override
      public int getContentLength() {
        return -1;
      }
    };
    unknownLength.setContentType("multipart/form-data; boundary=" + BOUNDARY);
    unknownLength.setContent(body.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> MultipartForm.read(unknownLength, 1_000)).isInstanceOf(MultipartForm.TooLarge.class);
  }

  @Test
  void aBodyThatIsNoMultipartFormIsMalformed() {
    assertThatThrownBy(() -> MultipartForm.read(post(field("_csrf", "T0KEN") + "--" + BOUNDARY + "\r\ncut", null),
        10_000)).isInstanceOf(MultipartForm.Malformed.class);
    assertThatThrownBy(() -> MultipartForm.read(post("", "multipart/form-data"), 10_000))
        .isInstanceOf(MultipartForm.Malformed.class);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= MultipartForm.MAX_PARTS; i++) {
      many.append(field("f" + i, "v"));
    }
    assertThatThrownBy(() -> MultipartForm.read(post(many + end(), null), 100_000))
        .isInstanceOf(MultipartForm.Malformed.class);
  }

  private static MockHttpServletRequest post(String body, String contentType) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/kap/import");
    request.setContentType(contentType == null ? "multipart/form-data; boundary=" + BOUNDARY : contentType);
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private static String field(String name, String value) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }

  private static String file(String name, String fileName, String content) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n";
  }

  private static String end() {
    return "--" + BOUNDARY + "--\r\n";
  }
}
