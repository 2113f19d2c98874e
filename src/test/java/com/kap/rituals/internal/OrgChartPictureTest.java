package com.kap.rituals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.rituals.StakeholderContact;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class OrgChartPictureTest {

  private final OrgChartPicture picture = new OrgChartPicture();

  @Test
  void eachStakeholderSitsBelowTheOneTheyReportToAndAboveTheMiddleOfTheirReports() throws Exception {
    Document svg = parse(picture.render(List.of(
        s("Eva Lind", null, null), s("Jon Berg", "Eva Lind", null), s("Kim Ek", "Eva Lind", null),
        s("Ole Sand", "Jon Berg", null), s("Max Holm", null, null))));

    Map<String, double[]> boxes = boxes(svg);
    assertThat(boxes).containsOnlyKeys("Eva Lind", "Jon Berg", "Kim Ek", "Ole Sand", "Max Holm");
    assertThat(boxes.get("Eva Lind")[1]).isEqualTo(boxes.get("Max Holm")[1]).as("the tops share the first row");
    assertThat(boxes.get("Jon Berg")[1]).isEqualTo(boxes.get("Kim Ek")[1]).isGreaterThan(boxes.get("Eva Lind")[1]);
    assertThat(boxes.get("Ole Sand")[1]).isGreaterThan(boxes.get("Jon Berg")[1]);
    assertThat(boxes.get("Jon Berg")[0]).isEqualTo(boxes.get("Ole Sand")[0]).as("a single report right below");
    assertThat(boxes.get("Eva Lind")[0]).isEqualTo((boxes.get("Jon Berg")[0] + boxes.get("Kim Ek")[0]) / 2);
    assertThat(boxes.get("Max Holm")[0]).isGreaterThan(boxes.get("Kim Ek")[0]);
    assertThat(svg.getElementsByTagName("path").getLength()).as("one line per reporting line").isEqualTo(3);
    assertNoBoxesOverlap(boxes);
  }

  @Test
  void aWideOrganisationStaysApartAndInsideThePicture() throws Exception {
    List<StakeholderContact> people = new ArrayList<>(List.of(s("Top", null, null)));
    for (int i = 0; i < 12; i++) {
      people.add(s("Lead " + i, "Top", null));
      people.add(s("Member " + i, "Lead " + i, null));
    }
    Document svg = parse(picture.render(people));
    Map<String, double[]> boxes = boxes(svg);
    assertThat(boxes).hasSize(25);
    assertNoBoxesOverlap(boxes);
    String[] viewBox = svg.getDocumentElement().getAttribute("viewBox").split(" ");
    double width = Double.parseDouble(viewBox[2]);
    double height = Double.parseDouble(viewBox[3]);
    assertThat(boxes.values()).allSatisfy(box -> {
      assertThat(box[0]).isGreaterThanOrEqualTo(0);
      assertThat(box[0] + OrgChartPicture.BOX_WIDTH).isLessThanOrEqualTo(width);
      assertThat(box[1] + OrgChartPicture.BOX_HEIGHT).isLessThanOrEqualTo(height);
    });
  }

  @Test
  void aBoxShowsRoleOwnerAndLastContactAndIsColouredByAttitude() throws Exception {
    String svg = picture.render(List.of(new StakeholderContact("Eva Lind", "COO", "decisionMaker", "high",
        "opponent", "alice", null, LocalDate.of(2101, 3, 15)), new StakeholderContact("Jon Berg", null, "champion",
        "low", "supporter", null, "Eva Lind", null)));

    assertThat(svg).contains(">Eva Lind<", ">COO<", ">Decision maker · influence high<", ">owner alice<",
        ">last contact ", ">no owner of ours<", ">no contact yet<", "fill=\"#fbe4e2\" stroke=\"#b3261e\" "
            + "stroke-width=\"3\"", "fill=\"#e3f4e8\" stroke=\"#1b7a3d\" stroke-width=\"1\"");
    parse(svg);
  }

  @Test
  void aBoxTheLegendAndTheTitleAreInEnglishForAnEnglishReader() throws Exception {
    String svg = picture.render(List.of(new StakeholderContact("Eva Lind", "COO", "decisionMaker", "high",
        "opponent", "alice", null, LocalDate.of(2101, 3, 15)), new StakeholderContact("Jon Berg", null, "champion",
        "low", "supporter", null, "Eva Lind", null)), Locale.ENGLISH);

    assertThat(svg).contains(">Org chart of the account's 2 stakeholders<", ">Decision maker · influence high<",
        ">owner alice<", ">last contact 03/15/2101<", ">no owner of ours<", ">no contact yet<",
        "<title>Eva Lind, COO — Decision maker, influence high, opponent; owner alice; last contact 03/15/2101</title>",
        ">Supporter<", ">Neutral<", ">Opponent<", ">heavier border: more influence<");
    assertThat(picture.render(List.of(s("Eva Lind", null, null)), Locale.ENGLISH))
        .contains(">Org chart of the account's 1 stakeholder<");
  }

  @Test
  void aFrenchReaderReadsTheBoxesTheLegendAndTheTitleInFrench() throws Exception {
    String svg = picture.render(List.of(new StakeholderContact("Eva Lind", "COO", "decisionMaker", "high",
        "opponent", "alice", null, LocalDate.of(2101, 3, 15)), new StakeholderContact("Jon Berg", null, "champion",
        "low", "supporter", null, "Eva Lind", null)), Locale.FRENCH);

    assertThat(svg).contains(">Organigramme des 2 parties prenantes du compte<", ">Décideur · influence forte<",
        ">responsable : alice<", ">dernier contact le 15/03/2101<", ">aucun responsable chez nous<",
        ">pas encore de contact<", "<title>Eva Lind, COO — Décideur, influence forte, défavorable ; responsable : "
            + "alice ; dernier contact le 15/03/2101</title>",
        ">Champion · influence faible<", ">Favorable<", ">Neutre<", ">Défavorable<",
        ">bordure épaisse : forte influence<")
        .doesNotContain("owner", "contact yet", "influence high", "heavier");
    parse(svg);
    assertThat(picture.render(List.of(s("Eva Lind", null, null)), Locale.FRENCH))
        .contains(">Organigramme de l’unique partie prenante du compte<");
  }

  @Test
  void textIsEscapedAndACircleStillDraws() throws Exception {
    String svg = picture.render(List.of(s("A & <B>", "C \"D\"", null), s("C \"D\"", "A & <B>", null)));

    Document parsed = parse(svg);
    assertThat(boxes(parsed)).containsOnlyKeys("A & <B>", "C \"D\"");
    assertThat(parsed.getElementsByTagName("path").getLength()).as("a circle draws as two tops").isZero();
  }

  @Test
  void noStakeholdersNoPicture() {
    assertThat(picture.render(List.of())).isNull();
  }

  private static StakeholderContact s(String name, String reportsTo, String owner) {
    return new StakeholderContact(name, null, "user", "medium", "neutral", owner, reportsTo, null);
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  /** Each stakeholder's box (x, y) by the name in its first line. */
  private static Map<String, double[]> boxes(Document svg) {
    Map<String, double[]> boxes = new HashMap<>();
    NodeList groups = svg.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      Element rect = (Element) group.getElementsByTagName("rect").item(0);
      String name = group.getElementsByTagName("text").item(0).getTextContent();
      boxes.put(name, new double[] {Double.parseDouble(rect.getAttribute("x")),
          Double.parseDouble(rect.getAttribute("y"))});
    }
    return boxes;
  }

  private static void assertNoBoxesOverlap(Map<String, double[]> boxes) {
    List<double[]> all = List.copyOf(boxes.values());
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        boolean apart = Math.abs(all.get(i)[0] - all.get(j)[0]) >= OrgChartPicture.BOX_WIDTH
            || Math.abs(all.get(i)[1] - all.get(j)[1]) >= OrgChartPicture.BOX_HEIGHT;
        assertThat(apart).as("boxes %s and %s apart", i, j).isTrue();
      }
    }
  }
}
