package com.kap.portfolio.internal;

import com.kap.platform.web.ApiException;
import com.kap.portfolio.Account;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Segment;
import com.kap.portfolio.SegmentScorer;
import com.kap.portfolio.SegmentationWeights;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Draws the segmentation matrix as SVG: relative strength across, attractiveness up, one dot per account coloured
 * by segment. Names are placed beside their dots only where they overlap no other name or dot, so that a crowded
 * portfolio stays readable; every dot carries a tooltip with the account's name, id and scores.
 */
@Component
public class MatrixPicture {

  private static final int LEFT = 70;
  private static final int TOP = 50;
  private static final int PLOT = 640;
  private static final int WIDTH = LEFT + PLOT + 230;
  private static final int HEIGHT = TOP + PLOT + 60;
  private static final double FONT_SIZE = 11;
  private static final double CHAR_WIDTH = 6.1;
  private static final int MAX_LABEL_CHARS = 20;
  /** Above this many accounts no names are tried at all: the picture is a density view with tooltips. */
  private static final int MAX_LABELLED_PORTFOLIO = 2000;

  private static final Map<Segment, String> DOT = new EnumMap<>(Map.of(
      Segment.STRATEGIC, "#1b7a3d", Segment.STAR, "#1f5fa8", Segment.STATUS, "#b86e00", Segment.STREAMLINE, "#6b6b6b"));
  private static final Map<Segment, String> AREA = new EnumMap<>(Map.of(
      Segment.STRATEGIC, "#e3f4e8", Segment.STAR, "#e2ecf8", Segment.STATUS, "#fbf0dc", Segment.STREAMLINE, "#f0f0f0"));

  private final SegmentationWeights weights;
  private final CycleSegmentRepository cycleSegments;

  public MatrixPicture(SegmentationWeights weights, CycleSegmentRepository cycleSegments) {
    this.weights = weights;
    this.cycleSegments = cycleSegments;
  }

  /** A point of the matrix: where an account stands and in which segment it counts. */
  public record Point(String accountId, String name, BigDecimal attractiveness, BigDecimal strength, Segment segment) {}

  /** The accounts at their current scores, or, with a year, at that cycle's stored (and overridden) segments. */
  public String render(List<Account> accounts, Integer year) {
    if (year == null) {
      SegmentScorer scorer = weights.current();
      return render(accounts.stream().map(a -> {
        SegmentScorer.Scoring s = scorer.score(a.scores());
        return new Point(a.accountId(), a.name(), s.attractiveness(), s.strength(), s.segment());
      }).toList(), "Current scores");
    }
    Map<String, Account> byId = accounts.stream().collect(Collectors.toMap(Account::accountId, Function.identity()));
    List<CycleSegment> segments = cycleSegments.findByYear(year);
    if (segments.isEmpty()) {
      throw ApiException.of(HttpStatus.NOT_FOUND, "error.segmentation.none", String.valueOf(year));
    }
    return render(segments.stream()
        .filter(c -> byId.containsKey(c.accountId()))
        .map(c -> new Point(c.accountId(), byId.get(c.accountId()).name(), c.attractiveness(), c.strength(),
            c.segment()))
        .toList(), "Cycle " + year);
  }

  public String render(List<Point> points, String title) {
    StringBuilder svg = new StringBuilder(4096 + points.size() * 160);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"").append(fmt(FONT_SIZE)).append("\">\n")
        .append("<title>KAP segmentation matrix: ").append(escape(title)).append("</title>\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    drawQuadrants(svg);
    drawAxes(svg);
    double radius = points.size() > 500 ? 2.5 : 5;
    List<double[]> occupied = new ArrayList<>();
    for (Point p : points) {
      double x = x(p.strength());
      double y = y(p.attractiveness());
      occupied.add(new double[] {x - radius, y - radius, x + radius, y + radius});
      svg.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"")
          .append(fmt(radius)).append("\" fill=\"").append(DOT.get(p.segment()))
          .append("\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"0.8\"><title>")
          .append(escape(p.name())).append(" (").append(escape(p.accountId())).append(") - ")
          .append(p.segment().label()).append(", attractiveness ").append(p.attractiveness().setScale(1,
              java.math.RoundingMode.DOWN)).append(", strength ")
          .append(p.strength().setScale(1, java.math.RoundingMode.DOWN)).append("</title></circle>\n");
    }
    int hidden = drawLabels(svg, points, occupied, radius);
    drawLegend(svg, points, hidden, title);
    return svg.append("</svg>\n").toString();
  }

  private static void drawQuadrants(StringBuilder svg) {
    int half = PLOT / 2;
    quadrant(svg, Segment.STAR, LEFT, TOP);
    quadrant(svg, Segment.STRATEGIC, LEFT + half, TOP);
    quadrant(svg, Segment.STREAMLINE, LEFT, TOP + half);
    quadrant(svg, Segment.STATUS, LEFT + half, TOP + half);
    svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(PLOT)
        .append("\" height=\"").append(PLOT).append("\" fill=\"none\" stroke=\"#888888\"/>\n");
  }

  private static void quadrant(StringBuilder svg, Segment segment, int x, int y) {
    int half = PLOT / 2;
    svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(half)
        .append("\" height=\"").append(half).append("\" fill=\"").append(AREA.get(segment)).append("\"/>\n")
        .append("<text x=\"").append(x + half / 2).append("\" y=\"").append(y + half / 2)
        .append("\" text-anchor=\"middle\" font-size=\"30\" font-weight=\"bold\" fill=\"").append(DOT.get(segment))
        .append("\" fill-opacity=\"0.18\">").append(segment.label()).append("</text>\n");
  }

  private static void drawAxes(StringBuilder svg) {
    for (int tick = 0; tick <= 100; tick += 25) {
      double x = LEFT + PLOT * tick / 100.0;
      double y = TOP + PLOT - PLOT * tick / 100.0;
      svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(TOP + PLOT + 16)
          .append("\" text-anchor=\"middle\" fill=\"#555555\">").append(tick).append("</text>\n")
          .append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\" fill=\"#555555\">").append(tick).append("</text>\n");
    }
    svg.append("<line x1=\"").append(LEFT + PLOT / 2).append("\" y1=\"").append(TOP).append("\" x2=\"")
        .append(LEFT + PLOT / 2).append("\" y2=\"").append(TOP + PLOT)
        .append("\" stroke=\"#888888\" stroke-dasharray=\"4 3\"/>\n")
        .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + PLOT / 2).append("\" x2=\"")
        .append(LEFT + PLOT).append("\" y2=\"").append(TOP + PLOT / 2)
        .append("\" stroke=\"#888888\" stroke-dasharray=\"4 3\"/>\n")
        .append("<text x=\"").append(LEFT + PLOT / 2).append("\" y=\"").append(TOP + PLOT + 40)
        .append("\" text-anchor=\"middle\" font-size=\"13\">Relative strength (0-100)</text>\n")
        .append("<text transform=\"translate(22 ").append(TOP + PLOT / 2)
        .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">Customer attractiveness (0-100)</text>\n");
  }

  /** Places names greedily (right, left, above, below the dot) where they collide with nothing; returns how many did not fit. */
  private static int drawLabels(StringBuilder svg, List<Point> points, List<double[]> occupied, double radius) {
    if (points.size() > MAX_LABELLED_PORTFOLIO) {
      return points.size();
    }
    List<double[]> labels = new ArrayList<>();
    int hidden = 0;
    List<Point> byImportance = points.stream()
        .sorted(Comparator.comparing((Point p) -> p.attractiveness().add(p.strength())).reversed())
        .toList();
    for (Point p : byImportance) {
      String text = p.name().length() > MAX_LABEL_CHARS ? p.name().substring(0, MAX_LABEL_CHARS - 1) + "…" : p.name();
      double width = text.length() * CHAR_WIDTH;
      double height = FONT_SIZE + 2;
      double x = x(p.strength());
      double y = y(p.attractiveness());
      double gap = radius + 2;
      double[][] candidates = {
          {x + gap, y - height / 2}, {x - gap - width, y - height / 2},
          {x - width / 2, y - gap - height}, {x - width / 2, y + gap}};
      double[] placed = null;
      for (double[] c : candidates) {
        double[] box = {c[0], c[1], c[0] + width, c[1] + height};
        if (inside(box) && labels.stream().noneMatch(l -> overlaps(l, box))
            && occupied.stream().noneMatch(o -> overlaps(o, box))) {
          placed = box;
          break;
        }
      }
      if (placed == null) {
        hidden++;
        continue;
      }
      labels.add(placed);
      svg.append("<text x=\"").append(fmt(placed[0])).append("\" y=\"").append(fmt(placed[3] - 3))
          .append("\" fill=\"#222222\">").append(escape(text)).append("</text>\n");
    }
    return hidden;
  }

  private static void drawLegend(StringBuilder svg, List<Point> points, int hidden, String title) {
    Map<Segment, Long> counts = points.stream().collect(Collectors.groupingBy(Point::segment,
        () -> new EnumMap<>(Segment.class), Collectors.counting()));
    int x = LEFT + PLOT + 25;
    int y = TOP + 10;
    svg.append("<text x=\"").append(x).append("\" y=\"").append(y)
        .append("\" font-size=\"14\" font-weight=\"bold\">").append(escape(title)).append("</text>\n");
    y += 22;
    svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\">").append(points.size())
        .append(points.size() == 1 ? " account" : " accounts").append("</text>\n");
    for (Segment segment : Segment.values()) {
      y += 22;
      svg.append("<circle cx=\"").append(x + 6).append("\" cy=\"").append(y - 4).append("\" r=\"6\" fill=\"")
          .append(DOT.get(segment)).append("\"/>\n<text x=\"").append(x + 18).append("\" y=\"").append(y)
          .append("\">").append(segment.label()).append(": ").append(counts.getOrDefault(segment, 0L))
          .append("</text>\n");
    }
    if (hidden > 0) {
      y += 30;
      svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" fill=\"#555555\">")
          .append(hidden).append(hidden == 1 ? " name" : " names").append(" not shown to keep</text>\n")
          .append("<text x=\"").append(x).append("\" y=\"").append(y + 15)
          .append("\" fill=\"#555555\">the picture readable;</text>\n")
          .append("<text x=\"").append(x).append("\" y=\"").append(y + 30)
          .append("\" fill=\"#555555\">point at a dot to see it.</text>\n");
    }
  }

  private static double x(BigDecimal strength) {
    return LEFT + PLOT * strength.doubleValue() / 100.0;
  }

  private static double y(BigDecimal attractiveness) {
    return TOP + PLOT - PLOT * attractiveness.doubleValue() / 100.0;
  }

  private static boolean inside(double[] box) {
    return box[0] >= LEFT && box[1] >= TOP && box[2] <= LEFT + PLOT && box[3] <= TOP + PLOT;
  }

  private static boolean overlaps(double[] a, double[] b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
