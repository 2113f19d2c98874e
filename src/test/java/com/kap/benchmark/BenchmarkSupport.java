package com.kap.benchmark;

import com.kap.portfolio.Criterion;
import com.kap.portfolio.internal.PortfolioCsvParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** What the benchmarks share: sampling the heap and writing their results. */
public final class BenchmarkSupport {

  /** Every benchmark appends its rows here, and prints them with a "BENCHMARK " prefix. */
  static final Path RESULTS = Path.of("target", "benchmark-results.md");

  private BenchmarkSupport() {}

  /** Appends the lines to {@link #RESULTS} and prints them. */
  static void report(String... lines) throws IOException {
    StringBuilder block = new StringBuilder();
    for (String line : lines) {
      System.out.println("BENCHMARK " + line);
      block.append(line).append(System.lineSeparator());
    }
    Files.createDirectories(RESULTS.getParent());
    Files.writeString(RESULTS, block, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** One row of a two-column results table. */
  static void reportRow(String what, String result) throws IOException {
    report("| " + what + " | " + result + " |");
  }

  /**
   * A pyramid portfolio of accounts {@code prefix + i}: 5 % Strategic (50 rituals a year), 5 % Star (48), 10 % Status
   * (22), 80 % Streamline (10) — 15.1 rituals per account on average, the 150,000 timers at 10,000 accounts.
   */
  public static String pyramidPortfolio(String prefix, int rows) {
    Random random = new Random(17);
    String[] kams = {"alice", "bruno", "chen"};
    StringBuilder csv = new StringBuilder(String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS)).append('\n');
    for (int i = 0; i < rows; i++) {
      int slot = i % 20;
      boolean attractive = slot <= 1;
      boolean strong = slot == 0 || slot == 2 || slot == 3;
      csv.append(prefix).append(i).append(",Benchmark account ").append(i).append(",EMEA,").append(kams[i % 3])
          .append(",gilles");
      for (Criterion criterion : Criterion.values()) {
        boolean high = criterion.axis() == Criterion.Axis.ATTRACTIVENESS ? attractive : strong;
        csv.append(',').append(high ? 7 + random.nextInt(4) : 1 + random.nextInt(4));
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  static String mib(long bytes) {
    return (bytes / (1024 * 1024)) + " MiB";
  }

  /** Samples the used heap every 200 ms on a daemon thread, from creation until {@link #stop()}. */
  static final class HeapSampler {

    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    HeapSampler() {
      thread = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(usedHeap(), Math::max);
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      thread.interrupt();
    }

    /** The most used heap sampled so far. */
    long peak() {
      return peak.get();
    }

    static long usedHeap() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }
}
