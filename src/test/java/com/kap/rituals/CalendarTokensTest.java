package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.rituals.internal.CalendarTokens;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The secret of a calendar address: its form, its randomness, its hash. */
class CalendarTokensTest {

  @Test
  void tokensAre256RandomBitsWrittenUrlSafe() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = CalendarTokens.generate();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(CalendarTokens.isWellFormed(token)).isTrue();
      assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
      tokens.add(token);
    }
    assertThat(tokens).as("no token twice").hasSize(1000);
  }

  @Test
  void onlyTokensOfTheRightFormAreLookedUp() {
    assertThat(CalendarTokens.isWellFormed(null)).isFalse();
    assertThat(CalendarTokens.isWellFormed("")).isFalse();
    assertThat(CalendarTokens.isWellFormed("a".repeat(42))).isFalse();
    assertThat(CalendarTokens.isWellFormed("a".repeat(44))).isFalse();
    assertThat(CalendarTokens.isWellFormed("a".repeat(42) + "=")).isFalse();
    assertThat(CalendarTokens.isWellFormed("a".repeat(42) + "/")).isFalse();
    assertThat(CalendarTokens.isWellFormed("a".repeat(42) + "é")).isFalse();
  }

  @Test
  void theHashIsSha256InHex() {
    assertThat(CalendarTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
