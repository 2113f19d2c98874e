package com.kap.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.portfolio.internal.MatrixPicture;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MatrixPictureTest {

  private final MatrixPicture picture = new MatrixPicture(null, null);

  @ParameterizedTest
  @ValueSource(ints = {24, 200})
  void drawsOneDotPerAccountAndNoNameOverlapsAnother(int accounts) throws Exception {
    List<MatrixPicture.Point> points = randomPortfolio(accounts);

    Document svg = parse(picture.render(points, "Cycle 2027"));

    List<Element> dots = elements(svg, "circle").stream().filter(c -> c.getElementsByTagName("title").getLength() > 0)
        .toList();
    assertThat(dots).hasSize(accounts);
    List<double[]> labels = new ArrayList<>();
    for (Element text : elements(svg, "text")) {
      String name = text.getTextContent();
      if (points.stream().anyMatch(p -> p.name().startsWith(name.replace("…", "")))) {
        double x = Double.parseDouble(text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        labels.add(new double[] {x, y - 11, x + name.length() * 6.1, y + 2});
      }
    }
    assertThat(labels).as("some names are shown").hasSizeGreaterThan(Math.min(accounts, 20) / 2);
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        double[] a = labels.get(i);
        double[] b = labels.get(j);
        boolean overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        assertThat(overlap).as("labels %d and %d overlap", i, j).isFalse();
      }
    }
    String text = svg.getDocumentElement().getTextContent();
    assertThat(text).contains("Strategic", "Star", "Status", "Streamline", accounts + " accounts");
    if (labels.size() < accounts) {
      int hidden = accounts - labels.size();
      assertThat(text).contains(hidden + (hidden == 1 ? " name" : " names") + " not shown");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"A & B <Holdings>", "\"Quoted\" Ltd"})
  void escapesNames(String name) throws Exception {
    Document svg = parse(picture.render(List.of(new MatrixPicture.Point("X1", name, BigDecimal.TEN,
        BigDecimal.TEN, Segment.STREAMLINE)), "t"));

    assertThat(svg.getDocumentElement().getTextContent()).contains(name);
  }

  private static List<MatrixPicture.Point> randomPortfolio(int size) {
    Random random = new Random(size);
    List<MatrixPicture.Point> points = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      BigDecimal attractiveness = BigDecimal.valueOf(random.nextInt(10001), 2);
      BigDecimal strength = BigDecimal.valueOf(random.nextInt(10001), 2);
      Segment segment = Segment.of(attractiveness.compareTo(BigDecimal.valueOf(50)) >= 0,
          strength.compareTo(BigDecimal.valueOf(50)) >= 0);
      points.add(new MatrixPicture.Point("A" + i, "Account number " + i, attractiveness, strength, segment));
    }
    return points;
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      result.add((Element) nodes.item(i));
    }
    return result;
  }
}
