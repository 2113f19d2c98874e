package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.platform.i18n.Bundles;
import com.kap.portfolio.ChangeSegment;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A refused body names its field and says the constraint's message, in the request's language when it is a key. */
class ValidBodyTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void aConstraintWhoseMessageIsAKeyIsSaidInEnglishAndInTheRequestsLanguage() {
    assertThatThrownBy(() -> ValidBody.check(validator, new ChangeSegment("Strategic", "")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.getMessage()).isEqualTo("Reason: is required (at most 2000 characters)");
          assertThat(e.getBody().getProperties()).containsEntry("field", "reason");
          assertThat(e.updateAndGetBody(Bundles.standalone(), Locale.FRENCH).getDetail())
              .isEqualTo("Motif : obligatoire (2000 caractères au plus)");
        });
    assertThatThrownBy(() -> ValidBody.check(validator, new ChangeSegment("Platinum", "why")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("Segment: must be one of Strategic, Star, Status, Streamline");
          assertThat(e.updateAndGetBody(Bundles.standalone(), Locale.FRENCH).getDetail())
              .isEqualTo("Segment : doit être Strategic, Star, Status ou Streamline");
        });
  }

  record Plain(@NotNull(message = "name: is required") String name) {}

  @Test
  void anotherMessageIsSaidAsTheValidatorMadeIt() {
    assertThatThrownBy(() -> ValidBody.check(validator, new Plain(null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("name: is required");
          assertThat(e.updateAndGetBody(Bundles.standalone(), Locale.FRENCH).getDetail())
              .isEqualTo("name: is required");
        });
  }
}
