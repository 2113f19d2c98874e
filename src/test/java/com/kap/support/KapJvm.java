package com.kap.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * KAP's packaged jar in a JVM of its own, started as a user starts it (demo logins, password "demo"), so that a test
 * can kill it with SIGKILL or run several nodes side by side. Its output goes to {@code <name>.log} in {@code dir}.
 */
public record KapJvm(String name, Process process, int port, Path log, HttpClient http) implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A node compiled with C1 only, for tests: see {@link #start(Path, String, Map, boolean, String...)}. */
  public static KapJvm start(Path dir, String name, Map<String, String> environment, String... arguments)
      throws Exception {
    return start(dir, name, environment, true, arguments);
  }

  /**
   * KAP's packaged jar in a JVM of its own, with a 2 GiB heap. {@code c1Only}: compiled with C1 only, as the test
   * JVMs are (pom.xml, kap.test.jvm): on 2 cores C2's compiling costs more than its faster code saves in a test's few
   * minutes. A benchmark runs KAP as users run it, with both compilers.
   */
  public static KapJvm start(Path dir, String name, Map<String, String> environment, boolean c1Only,
      String... arguments) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx2g"));
    if (c1Only) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    // -Dkap.node.jvm="...": more options for KAP's JVMs, e.g. a flight recording per node ({node} is its name)
    String more = System.getProperty("kap.node.jvm", "").replace("{node}", name).trim();
    if (!more.isEmpty()) {
      command.addAll(List.of(more.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port,
        "--kap.notifications.outbox=" + dir.resolve(name + "-outbox")));
    command.addAll(List.of(arguments));
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    KapJvm kap = new KapJvm(name, builder.start(), port, log, HttpClient.newHttpClient());
    try {
      kap.awaitUp();
    } catch (Exception | AssertionError notUp) {
      kap.kill();
      throw notUp;
    }
    return kap;
  }

  private static Path jar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("kap-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no KAP jar in target/: run ./mvnw verify (package first)"));
    }
  }

  private void awaitUp() {
    await(name + " to start (see " + log + ")").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(IOException.class) // the port opens once the application has started
        .failFast(() -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " stopped with exit code " + process.exitValue() + " (see " + log + ")");
          }
        })
        .until(() -> get(null, "/actuator/health").statusCode() == 200);
  }

  public HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public JsonNode getJson(String user, String path) throws Exception {
    return JSON.readTree(get(user, path).body());
  }

  /**
   * Successful job executions per node (the engine's hostname, i.e. KAP_NODE_NAME) from the job log, read through
   * this node's REST API as the admin; {@code filter} is the job log query's parameters.
   */
  public Map<String, Integer> jobsRunPerNode(String filter) throws Exception {
    Map<String, Integer> perNode = new TreeMap<>();
    for (int first = 0; ; first += 1000) {
      JsonNode page = getJson("admin", "/engine-rest/history/job-log?successLog=true&" + filter + "&firstResult="
          + first + "&maxResults=1000");
      page.forEach(log -> perNode.merge(log.get("hostname").asText(), 1, Integer::sum));
      if (page.size() < 1000) {
        return perNode;
      }
    }
  }

  /** Per node, the cycle fan-out's chunk jobs (100 plans each: the multi-instance's inner async-before jobs) run. */
  public Map<String, Integer> fanOutChunksPerNode() throws Exception {
    return jobsRunPerNode("activityIdIn=startAccountPlans&jobDefinitionConfiguration=async-before");
  }

  public HttpResponse<String> post(String user, String path, String contentType, String body) throws Exception {
    return http.send(request(user, path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8)));
    }
    return request;
  }

  /** SIGKILL: no shutdown hook, no job executor stop, no transaction finishes. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as an operator stops KAP; true when the JVM ended by itself within 60 s (else it is killed). */
  public boolean stop() throws InterruptedException {
    process.destroy();
    if (process.waitFor(60, TimeUnit.SECONDS)) {
      return true;
    }
    kill();
    return false;
  }

  /** Stops the node if it still runs (a killed one stays dead). */
  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
