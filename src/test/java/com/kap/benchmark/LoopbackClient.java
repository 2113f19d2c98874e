package com.kap.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** One user's HTTP calls to KAP on loopback over a shared connection pool, each timed into the recorder. */
final class LoopbackClient {

  private final HttpClient http;
  private final String baseUrl;
  private final String authorization;
  private final LoadRecorder recorder;

  LoopbackClient(HttpClient http, String baseUrl, String user, String password, LoadRecorder recorder) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.recorder = recorder;
  }

  HttpResponse<String> get(String operation, String path) throws IOException, InterruptedException {
    return send(operation, request(path).GET().build());
  }

  HttpResponse<String> postJson(String operation, String path, String json) throws IOException,
      InterruptedException {
    return send(operation, request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization).header("Accept", "application/json");
  }

  private HttpResponse<String> send(String operation, HttpRequest request) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    recorder.record(operation, System.nanoTime() - start, response.statusCode(), response.body());
    return response;
  }
}
