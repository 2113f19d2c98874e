package com.kap.diagrams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the process owner's files are: diagrams (BPMN, DMN) in {@code bpmn/}, Camunda Forms in {@code forms/},
 * element templates in {@code bpmn/element-templates/}; the demo profile's own diagrams and forms in
 * {@code src/main/resources/demo/}; and the Java sources whose form reads are compared with
 * the forms.
 */
public record ProjectFiles(Path root, Path diagrams, Path forms, Path elementTemplates, Path javaSources) {

  public static ProjectFiles of(Path root) {
    return new ProjectFiles(root, root.resolve("bpmn"), root.resolve("forms"),
        root.resolve("bpmn/element-templates"), root.resolve("src/main/java"));
  }

  List<Path> diagramsEndingIn(String suffix) {
    return concat(filesIn(diagrams, suffix), filesIn(demo(), suffix));
  }

  List<Path> formFiles() {
    return concat(filesIn(forms, ".form"), filesIn(demo(), ".form"));
  }

  /** The demo profile's own diagrams and forms (deployed only with that profile), checked like the others. */
  private Path demo() {
    return root.resolve("src/main/resources/demo");
  }

  private static List<Path> concat(List<Path> first, List<Path> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  List<Path> templateFiles() {
    return filesIn(elementTemplates, ".json");
  }

  /** How a problem names the file: relative to the project, with forward slashes. */
  String name(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static List<Path> filesIn(Path directory, String suffix) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
