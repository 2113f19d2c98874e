package com.kap.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every request of a load run: its latency per operation, its status, and why a 4xx or 5xx was refused. */
final class LoadRecorder {

  private final Map<String, ConcurrentLinkedQueue<Long>> nanosByOperation = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
  private final AtomicLong serverErrors = new AtomicLong();
  private final AtomicLong clientErrors = new AtomicLong();

  void record(String operation, long nanos, int status, String body) {
    nanosByOperation.computeIfAbsent(operation, o -> new ConcurrentLinkedQueue<>()).add(nanos);
    if (status >= 400) {
      (status >= 500 ? serverErrors : clientErrors).incrementAndGet();
      refusals.computeIfAbsent(operation + " " + status + ": " + reason(body), r -> new AtomicLong()).incrementAndGet();
    }
  }

  long serverErrors() {
    return serverErrors.get();
  }

  long clientErrors() {
    return clientErrors.get();
  }

  long count(String operation) {
    return nanosByOperation.getOrDefault(operation, new ConcurrentLinkedQueue<>()).size();
  }

  /** "p50 12.3 ms, p95 45.6 ms, p99 78.9 ms, max 99.0 ms" over the operation's requests. */
  String percentiles(String operation) {
    List<Long> sorted = new ArrayList<>(nanosByOperation.getOrDefault(operation, new ConcurrentLinkedQueue<>()));
    if (sorted.isEmpty()) {
      return "no requests";
    }
    Collections.sort(sorted);
    return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.95),
        at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
  }

  /** Each refusal reason (operation, status, message) with its count. */
  Map<String, Long> refusals() {
    Map<String, Long> copy = new TreeMap<>();
    refusals.forEach((reason, count) -> copy.put(reason, count.get()));
    return copy;
  }

  private static double at(List<Long> sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  /** Camunda's error bodies carry a "message"; its first 120 characters name the reason. */
  private static String reason(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    int start = body.indexOf("\"message\":\"");
    String message = start < 0 ? body : body.substring(start + 11);
    int end = message.indexOf('"');
    message = (end < 0 ? message : message.substring(0, end)).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>");
    return message.length() > 120 ? message.substring(0, 120) : message;
  }
}
