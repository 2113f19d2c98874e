package com.kap.diagrams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the process owner's files are: diagrams (BPMN, DMN) in {@code bpmn/}, Camunda Forms in {@code forms/},
 * element templates in {@code bpmn/element-templates/}; and the Java sources whose form reads are compared with
 * the forms.
 */
public record ProjectFiles(Path root, Path diagrams, Path forms, Path elementTemplates, Path javaSources) {

  public static ProjectFiles of(Path root) {
    return new ProjectFiles(root, root.resolve("bpmn"), root.resolve("forms"),
        root.resolve("bpmn/element-templates"), root.resolve("src/main/java"));
  }

  List<Path> diagramsEndingIn(String suffix) {
    return filesIn(diagrams, suffix);
  }

  List<Path> formFiles() {
    return filesIn(forms, ".form");
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
