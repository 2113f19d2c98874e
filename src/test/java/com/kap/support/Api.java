package com.kap.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls KAP's public HTTP APIs as a demo user (HTTP Basic, password "demo"), or anonymously with user null. */
public class Api {

  private final TestRestTemplate rest;

  public Api(TestRestTemplate rest) {
    this.rest = rest;
  }

  public <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
    return as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers(MediaType.APPLICATION_JSON)), type);
  }

  public <T> ResponseEntity<T> postJson(String user, String path, String json, Class<T> type) {
    return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers(MediaType.APPLICATION_JSON)), type);
  }

  public <T> ResponseEntity<T> putJson(String user, String path, String json, Class<T> type) {
    return as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers(MediaType.APPLICATION_JSON)), type);
  }

  public <T> ResponseEntity<T> postCsv(String user, String csv, Class<T> type) {
    return postBytes(user, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), MediaType.valueOf("text/csv"), type);
  }

  public <T> ResponseEntity<T> postBytes(String user, byte[] body, MediaType contentType, Class<T> type) {
    return as(user).exchange("/api/portfolio/import", HttpMethod.POST, new HttpEntity<>(body, headers(contentType)),
        type);
  }

  /** Camunda tasks the user can see matching the /engine-rest/task query. */
  public List<JsonNode> tasks(String user, String query) {
    List<JsonNode> result = new ArrayList<>();
    get(user, "/engine-rest/task?maxResults=1000&" + query, JsonNode.class).getBody().forEach(result::add);
    return result;
  }

  /** Waits (60 s at most) for the job executor's work: the first task the user can see matching the query. */
  public JsonNode awaitTask(String user, String query) throws InterruptedException {
    return await("a task for " + user + " with " + query).atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> tasks(user, query), found -> !found.isEmpty()).get(0);
  }

  private TestRestTemplate as(String user) {
    return user == null ? rest : rest.withBasicAuth(user, "demo");
  }

  private static HttpHeaders headers(MediaType contentType) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(contentType);
    return headers;
  }
}
