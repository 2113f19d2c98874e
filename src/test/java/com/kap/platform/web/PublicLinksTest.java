package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Absolute links from {@code kap.public-base-url}, and the start-up refusal of a value that is no base address. */
class PublicLinksTest {

  @Test
  void linksStartWithTheConfiguredBaseWithoutADoubleSlash() {
    PublicLinks links = new PublicLinks(" https://kap.example.com/ ", "/camunda");
    assertThat(links.base()).isEqualTo("https://kap.example.com");
    assertThat(links.absolute("/kap/calendar")).isEqualTo("https://kap.example.com/kap/calendar");
    assertThat(links.tasklist()).isEqualTo("https://kap.example.com/camunda/app/tasklist/default/");
    assertThat(new PublicLinks("http://intranet.example.com:8443/kap", "/camunda").absolute("/kap/calendar"))
        .as("behind a proxy's path").isEqualTo("http://intranet.example.com:8443/kap/kap/calendar");
    assertThatThrownBy(() -> links.absolute("kap/calendar")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutTheSettingLinksPointAtThisMachine() {
    assertThat(new PublicLinks("", "/camunda").tasklist())
        .isEqualTo("http://localhost:8080/camunda/app/tasklist/default/");
  }

  @Test
  void aValueThatIsNoBaseAddressStopsStartUpNamingTheSetting() {
    for (String wrong : new String[] {"kap.example.com", "ftp://kap.example.com", "https://",
        "https://kap.example.com/?a=1", "https://kap.example.com/#top", "https://user@kap.example.com",
        "https://kap example.com"}) {
      assertThatThrownBy(() -> new PublicLinks(wrong, "/camunda")).as(wrong)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("kap.public-base-url (KAP_PUBLIC_BASE_URL) must be the absolute address people "
              + "open KAP at, such as https://kap.example.com; '" + wrong + "' is not: ");
    }
  }
}
