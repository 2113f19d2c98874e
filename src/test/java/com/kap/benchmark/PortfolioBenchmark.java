package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.reportRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.portfolio.Criterion;
import com.kap.portfolio.SegmentScorer;
import com.kap.portfolio.SegmentationWeights;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Foundation benchmarks, outside CI: {@code ./mvnw -Pbenchmark test}. Results are printed and appended to
 * target/benchmark-results.md. Wall-clock times on whatever machine runs them; the README records ours.
 */
@KapTest
class PortfolioBenchmark {

  @Autowired SegmentationWeights weights;
  @Autowired TestRestTemplate rest;

  @Test
  void scoring100000Accounts() throws IOException {
    SegmentScorer scorer = weights.current();
    Random random = new Random(42);
    List<Map<Criterion, Integer>> accounts = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
      for (Criterion criterion : Criterion.values()) {
        scores.put(criterion, 1 + random.nextInt(10));
      }
      accounts.add(scores);
    }
    for (int warmup = 0; warmup < 3; warmup++) {
      accounts.forEach(scorer::score);
    }
    long[] millis = new long[5];
    int strategic = 0;
    for (int run = 0; run < millis.length; run++) {
      long start = System.nanoTime();
      strategic = 0;
      for (Map<Criterion, Integer> scores : accounts) {
        if (scorer.score(scores).segment() == com.kap.portfolio.Segment.STRATEGIC) {
          strategic++;
        }
      }
      millis[run] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    assertThat(strategic).isPositive();
    reportRow("Scoring 100,000 accounts (exact BigDecimal arithmetic, 5 runs after 3 warm-ups)",
        "median " + millis[2] + " ms, min " + millis[0] + " ms, max " + millis[4] + " ms ("
            + (100_000L * 1000 / Math.max(1, millis[2])) + " accounts/s)");
  }

  @Test
  void importing10000RowsOverHttp() throws IOException {
    Api api = new Api(rest);
    String csv = portfolioCsv(10_000);
    long[] millis = new long[3];
    for (int run = 0; run < millis.length; run++) {
      long start = System.nanoTime();
      ResponseEntity<JsonNode> response = api.postCsv("diane", csv, JsonNode.class);
      millis[run] = (System.nanoTime() - start) / 1_000_000;
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(response.getBody().get("imported").asInt() + response.getBody().get("updated").asInt())
          .isEqualTo(10_000);
    }
    reportRow("Importing 10,000 rows over HTTP (" + csv.length() / 1024 + " KiB, all-or-nothing, one transaction)",
        "first import (inserts) " + millis[0] + " ms; re-imports (updates) " + millis[1] + " ms and " + millis[2]
            + " ms");
  }

  private static String portfolioCsv(int rows) {
    Random random = new Random(7);
    String[] kams = {"alice", "bruno", "chen"};
    String[] regions = {"EMEA", "AMER", "APAC"};
    StringBuilder csv = new StringBuilder(String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS))
        .append(",revenue,grossMargin\n");
    for (int i = 0; i < rows; i++) {
      csv.append("BENCH-").append(i).append(",\"Benchmark Account ").append(i).append(", Ltd\",")
          .append(regions[i % 3]).append(',').append(kams[i % 3]).append(',').append(i % 4 == 0 ? "gilles" : "");
      for (int c = 0; c < Criterion.values().length; c++) {
        csv.append(',').append(1 + random.nextInt(10));
      }
      csv.append(',').append(100_000 + random.nextInt(5_000_000)).append(',').append(random.nextInt(900_000))
          .append('\n');
    }
    return csv.toString();
  }
}
