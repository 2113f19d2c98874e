package com.kap.rituals.internal;

import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.i18n.Bundles;
import com.kap.rituals.StakeholderContact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws an account's stakeholder map as an org chart in SVG: one box per stakeholder under the one they report to,
 * those who report to no one in a row at the top. A box shows the name, title, buying role and influence, our
 * relationship owner and the last contact; its colour is the stakeholder's attitude (green supporter, grey neutral,
 * red opponent), its border the heavier the more influence they have. Every box carries the same as a tooltip.
 * Its words are the reader's: the plan form's options ({@link FormLabels}) and the bundles' {@code orgChart.*}.
 */
@Component
public class OrgChartPicture {

  static final int BOX_WIDTH = 210;
  static final int BOX_HEIGHT = 84;
  static final int GAP_X = 20;
  static final int GAP_Y = 44;
  static final int MARGIN = 16;
  static final int LEGEND = 40;
  static final int LEGEND_WIDTH = MARGIN + 3 * 100 + 200;
  private static final int MAX_CHARS = 32;
  private static final String FORM = "draftAccountPlan";

  private static final Map<String, String[]> ATTITUDE_COLOURS = Map.of(
      "supporter", new String[] {"#e3f4e8", "#1b7a3d"},
      "neutral", new String[] {"#f0f0f0", "#555555"},
      "opponent", new String[] {"#fbe4e2", "#b3261e"});
  private static final Map<String, Integer> INFLUENCE_STROKE = Map.of("high", 3, "medium", 2, "low", 1);

  private final MessageSource texts = Bundles.standalone();

  /** The picture in English, or null for a map without stakeholders. */
  public String render(List<StakeholderContact> stakeholders) {
    return render(stakeholders, Locale.ENGLISH);
  }

  /** The picture in the reader's language, or null for a map without stakeholders. */
  public String render(List<StakeholderContact> stakeholders, Locale reader) {
    Words words = new Words(texts, reader);
    if (stakeholders.isEmpty()) {
      return null;
    }
    int n = stakeholders.size();
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      rowOf.putIfAbsent(key(stakeholders.get(i).name()), i);
    }
    Integer[] parent = new Integer[n];
    List<List<Integer>> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      children.add(new ArrayList<>());
    }
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String boss = stakeholders.get(i).reportsTo();
      Integer p = boss == null ? null : rowOf.get(key(boss));
      parent[i] = p == null || p == i || leadsBackTo(i, p, stakeholders, rowOf) ? null : p;
      if (parent[i] == null) {
        roots.add(i);
      } else {
        children.get(parent[i]).add(i);
      }
    }
    double[] slot = new double[n];
    int[] depth = new int[n];
    int[] next = {0};
    for (int root : roots) {
      place(root, 0, children, slot, depth, next);
    }
    int maxDepth = 0;
    for (int d : depth) {
      maxDepth = Math.max(maxDepth, d);
    }
    // at least as wide as the legend below the boxes
    int width = Math.max(MARGIN * 2 + next[0] * BOX_WIDTH + (next[0] - 1) * GAP_X, LEGEND_WIDTH);
    int height = MARGIN * 2 + (maxDepth + 1) * BOX_HEIGHT + maxDepth * GAP_Y + LEGEND;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kap-org-chart\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-labelledby=\"org-chart-title\" font-family=\"sans-serif\" font-size=\"11\">")
        .append("<title id=\"org-chart-title\">")
        .append(escapeText(n == 1 ? words.text("orgChart.title.one") : words.text("orgChart.title.many",
            String.valueOf(n)))).append("</title>");
    for (int i = 0; i < n; i++) {
      if (parent[i] != null) {
        double px = x(slot[parent[i]]) + BOX_WIDTH / 2.0;
        double py = y(depth[parent[i]]) + BOX_HEIGHT;
        double cx = x(slot[i]) + BOX_WIDTH / 2.0;
        double cy = y(depth[i]);
        double mid = py + GAP_Y / 2.0;
        svg.append("<path d=\"M").append(num(px)).append(',').append(num(py)).append(" V").append(num(mid))
            .append(" H").append(num(cx)).append(" V").append(num(cy))
            .append("\" fill=\"none\" stroke=\"#777777\" stroke-width=\"1\"/>");
      }
    }
    for (int i = 0; i < n; i++) {
      box(svg, stakeholders.get(i), x(slot[i]), y(depth[i]), words);
    }
    legend(svg, height - LEGEND + 12, words);
    return svg.append("</svg>").toString();
  }

  /** Whether following "reports to" from {@code boss} comes back to {@code row}: a circle is drawn as roots. */
  private static boolean leadsBackTo(int row, int boss, List<StakeholderContact> stakeholders,
      Map<String, Integer> rowOf) {
    Integer at = boss;
    for (int steps = 0; at != null && steps <= stakeholders.size(); steps++) {
      if (at == row) {
        return true;
      }
      String next = stakeholders.get(at).reportsTo();
      at = next == null ? null : rowOf.get(key(next));
    }
    return false;
  }

  /** Leaves take the next free slot; a stakeholder with reports sits above the middle of them. */
  private static void place(int row, int level, List<List<Integer>> children, double[] slot, int[] depth,
      int[] next) {
    depth[row] = level;
    List<Integer> below = children.get(row);
    if (below.isEmpty()) {
      slot[row] = next[0]++;
      return;
    }
    for (int child : below) {
      place(child, level + 1, children, slot, depth, next);
    }
    slot[row] = (slot[below.get(0)] + slot[below.get(below.size() - 1)]) / 2;
  }

  private static void box(StringBuilder svg, StakeholderContact s, double x, double y, Words words) {
    String[] colours = ATTITUDE_COLOURS.getOrDefault(s.attitude(), ATTITUDE_COLOURS.get("neutral"));
    String role = words.option("buyingRole", s.buyingRole());
    String influence = words.option("influence", s.influence()).toLowerCase(words.reader());
    String attitude = words.option("attitude", s.attitude()).toLowerCase(words.reader());
    String owner = s.owner() == null ? words.text("orgChart.noOwner") : words.text("orgChart.owner", s.owner());
    String contact = s.lastContact() == null ? words.text("orgChart.noContact")
        : words.text("orgChart.lastContact", DisplayDates.format(s.lastContact(), words.reader()));
    svg.append("<g class=\"kap-stakeholder\">")
        .append("<title>").append(escape(words.text("orgChart.tooltip",
            s.name() + (s.title() == null ? "" : ", " + s.title()), role, influence, attitude, owner, contact)))
        .append("</title>")
        .append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(BOX_WIDTH)
        .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"").append(colours[0])
        .append("\" stroke=\"").append(colours[1]).append("\" stroke-width=\"")
        .append(INFLUENCE_STROKE.getOrDefault(s.influence(), 1)).append("\"/>");
    String[] lines = {s.name(), s.title() == null ? "" : s.title(),
        words.text("orgChart.roleAndInfluence", role, influence), owner, contact};
    for (int line = 0; line < lines.length; line++) {
      svg.append("<text x=\"").append(num(x + 8)).append("\" y=\"").append(num(y + 17 + line * 15)).append('"')
          .append(line == 0 ? " font-weight=\"bold\" font-size=\"12\"" : "").append(" fill=\"#1a1a1a\">")
          .append(escape(shortened(lines[line]))).append("</text>");
    }
    svg.append("</g>");
  }

  private static void legend(StringBuilder svg, int y, Words words) {
    int x = MARGIN;
    for (String attitude : List.of("supporter", "neutral", "opponent")) {
      String[] colours = ATTITUDE_COLOURS.get(attitude);
      svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 10).append("\" width=\"14\" height=\"14\" fill=\"")
          .append(colours[0]).append("\" stroke=\"").append(colours[1]).append("\" stroke-width=\"2\"/>")
          .append("<text x=\"").append(x + 20).append("\" y=\"").append(y + 1).append("\" fill=\"#1a1a1a\">")
          .append(escape(words.option("attitude", attitude))).append("</text>");
      x += 100;
    }
    svg.append("<text x=\"").append(x).append("\" y=\"").append(y + 1).append("\" fill=\"#1a1a1a\">")
        .append(escape(words.text("orgChart.legend.border"))).append("</text>");
  }

  /** The picture's words in the reader's language. */
  private record Words(MessageSource texts, Locale reader) {

    String text(String key, Object... args) {
      return texts.getMessage(key, args, reader);
    }

    String option(String field, String value) {
      return value == null ? "-" : FormLabels.option(FORM, "stakeholders[]." + field, value, reader);
    }
  }

  private static double x(double slot) {
    return MARGIN + slot * (BOX_WIDTH + GAP_X);
  }

  private static double y(int depth) {
    return MARGIN + depth * (double) (BOX_HEIGHT + GAP_Y);
  }

  private static String num(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String shortened(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
  }

  private static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  /** Text inside an element: quotes and apostrophes may stay as they are. */
  static String escapeText(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
