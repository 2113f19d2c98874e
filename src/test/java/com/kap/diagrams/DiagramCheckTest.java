package com.kap.diagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.kap.support.KapTest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * KAP's own diagrams, forms and element templates pass the diagram check against the application's beans. A
 * process owner who changed a diagram runs it alone: ./mvnw -q test -Dtest=DiagramCheckTest
 */
@KapTest
class DiagramCheckTest {

  @Autowired
  ApplicationContext context;

  @Test
  void diagramsFormsAndElementTemplatesHaveNoProblem() {
    List<Problem> problems = new DiagramCheck(ProjectFiles.of(Path.of("")), new SpringBeans(context)).problems();

    if (!problems.isEmpty()) {
      fail(problems.size() + " problem(s) in the diagrams, forms or element templates:\n"
          + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
    }
  }

  @Test
  void elementTemplatesStayOutOfTheJar() {
    // processes.xml deploys what the build copies from bpmn/; the templates are for Camunda Modeler only
    assertThat(getClass().getResource("/element-templates")).isNull();
  }
}
