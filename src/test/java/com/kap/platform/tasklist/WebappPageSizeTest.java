package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebappPageSizeTest {

  @Test
  void aLargerPageIsFittedToTheLimit() {
    assertThat(WebappPageSize.fittedQuery("resourceType=Task&itemCount=true&maxResults=2000", 1000))
        .isEqualTo("resourceType=Task&itemCount=true&maxResults=1000");
  }

  @Test
  void aPageWithinTheLimitIsLeftAlone() {
    assertThat(WebappPageSize.fittedQuery("firstResult=0&maxResults=15", 1000)).isEqualTo("firstResult=0&maxResults=15");
  }

  @Test
  void aRequestWithoutAPageGetsOne() {
    assertThat(WebappPageSize.fittedQuery("key=accountPlan&sortBy=version", 1000))
        .isEqualTo("key=accountPlan&sortBy=version&maxResults=1000");
    assertThat(WebappPageSize.fittedQuery(null, 1000)).isEqualTo("maxResults=1000");
  }

  @Test
  void anEncodedNameCountsAndANonNumberIsLeftForTheEngineToRefuse() {
    assertThat(WebappPageSize.fittedQuery("max%52esults=5000", 1000)).isEqualTo("maxResults=1000");
    assertThat(WebappPageSize.fittedQuery("maxResults=lots", 1000)).isEqualTo("maxResults=lots");
  }
}
