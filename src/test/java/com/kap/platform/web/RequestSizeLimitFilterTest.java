package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestSizeLimitFilterTest {

  private static final DataSize LIMIT = DataSize.ofBytes(10);

  private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(LIMIT);
  private final MockHttpServletResponse response = new MockHttpServletResponse();

  @Test
  void refusesADeclaredLengthOverTheLimitWithoutReadingOrPassingItOn() throws Exception {
    AtomicReference<Object> passedOn = new AtomicReference<>();

    filter.doFilter(withLength(11), response, (request, ignored) -> passedOn.set(request));

    assertThat(passedOn).hasNullValue();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getHeader("Connection")).isEqualTo("close");
    JsonNode problem = new ObjectMapper().readTree(response.getContentAsString());
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("title").asText()).isEqualTo("Payload Too Large");
    assertThat(problem.get("instance").asText()).isEqualTo("/api/portfolio/import");
    assertThat(problem.get("detail").asText())
        .isEqualTo("the request body is larger than 10 bytes, the most KAP accepts (kap.web.max-request-size)");
  }

  @Test
  void answersCamundasRestApiInItsOwnShape() throws Exception {
    MockHttpServletRequest request = withLength(11);
    request.setRequestURI("/engine-rest/deployment/create");

    filter.doFilter(request, response, (passed, ignored) -> {});

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/json");
    assertThat(new ObjectMapper().readTree(response.getContentAsString()).get("error").asText())
        .isEqualTo("the request body is larger than 10 bytes, the most KAP accepts (kap.web.max-request-size)");
  }

  @Test
  void passesADeclaredLengthWithinTheLimitAsItIs() throws Exception {
    MockHttpServletRequest request = withLength(10);
    AtomicReference<Object> passedOn = new AtomicReference<>();

    filter.doFilter(request, response, (passed, ignored) -> passedOn.set(passed));

    assertThat(passedOn).hasValue(request);
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void countsABodyOfUnknownLengthAndStopsTheReaderPastTheLimit() throws Exception {
    AtomicReference<Integer> readBeforeRefusal = new AtomicReference<>(0);
    FilterChain readEverything = (request, ignored) -> {
      InputStream body = request.getInputStream();
      assertThatThrownBy(() -> {
        while (body.read() >= 0) {
          readBeforeRefusal.set(readBeforeRefusal.get() + 1);
        }
      }).isInstanceOf(RequestBodyTooLarge.class);
      assertThatThrownBy(() -> body.read(new byte[4], 0, 4)).as("and after").isInstanceOf(RequestBodyTooLarge.class);
    };

    filter.doFilter(chunked(1000), response, readEverything);

    assertThat(readBeforeRefusal).hasValue(10);
  }

  @Test
  void answersAnOverflowThatTheReaderLetThrough() throws Exception {
    FilterChain readAll = (request, ignored) -> request.getInputStream().readAllBytes();

    filter.doFilter(chunked(11), response, readAll);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString()).contains("larger than 10 bytes");
  }

  @Test
  void aBodyOfUnknownLengthWithinTheLimitIsReadWhole() throws Exception {
    AtomicReference<byte[]> read = new AtomicReference<>();

    filter.doFilter(chunked(10), response, (request, ignored) -> read.set(
        ((HttpServletRequest) request).getReader().readLine().getBytes()));

    assertThat(read.get()).hasSize(10);
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void namesTheLimitInTheUnitItWasGivenIn() {
    assertThat(RequestBodyTooLarge.message(DataSize.ofMegabytes(16))).contains("larger than 16 MB,");
    assertThat(RequestBodyTooLarge.message(DataSize.ofKilobytes(512))).contains("larger than 512 KB,");
    assertThat(RequestBodyTooLarge.message(DataSize.ofBytes(1500))).contains("larger than 1500 bytes,");
  }

  private static MockHttpServletRequest withLength(int length) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/portfolio/import");
    request.setContent(new byte[length]);
    return request;
  }

  /** A body without Content-Length, as a chunked request has. */
  private static MockHttpServletRequest chunked(int length) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/portfolio/import") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }

      @Override
      public int getContentLength() {
        return -1;
      }
    };
    request.setContent("x".repeat(length).getBytes());
    return request;
  }
}
