package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.platform.i18n.Bundles;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * A failure nobody foresaw under {@code /api} is a 500 problem in the request's language (title and detail), without
 * the exception's own message; a page's failure, and what Spring answers with a status of its own, go on as before.
 */
class UnexpectedFailureTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler(Bundles.standalone());

  @Test
  void anUnexpectedFailureOfTheApiIsSaidInTheRequestsLanguage() throws Exception {
    ResponseEntity<ProblemDetail> french = handler.unexpected(new IllegalStateException("secret table kap_x"),
        request("/api/budget/rounds"), Locale.FRENCH);
    assertThat(french.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(french.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(french.getBody().getTitle()).isEqualTo("Erreur interne du serveur");
    assertThat(french.getBody().getDetail()).startsWith("KAP n’a pas pu répondre à cette requête : une erreur")
        .doesNotContain("kap_x");

    ResponseEntity<ProblemDetail> english = handler.unexpected(new IllegalStateException("secret table kap_x"),
        request("/api/budget/rounds"), Locale.ENGLISH);
    assertThat(english.getBody().getTitle()).isEqualTo("Internal Server Error");
    assertThat(english.getBody().getDetail()).startsWith("KAP could not answer this request: something went wrong")
        .doesNotContain("kap_x");
  }

  @Test
  void pagesAndSpringsOwnStatusesAreLeftAlone() {
    IllegalStateException failure = new IllegalStateException("boom");
    assertThatThrownBy(() -> handler.unexpected(failure, request("/kap/bids"), Locale.FRENCH)).isSameAs(failure);
    ResponseStatusException notFound = new ResponseStatusException(HttpStatus.NOT_FOUND);
    assertThatThrownBy(() -> handler.unexpected(notFound, request("/api/x"), Locale.FRENCH)).isSameAs(notFound);
  }

  private static MockHttpServletRequest request(String path) {
    return new MockHttpServletRequest("GET", path);
  }
}
