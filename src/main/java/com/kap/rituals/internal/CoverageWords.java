package com.kap.rituals.internal;

import com.kap.planning.AccountStakeholders.CoverageGap;
import com.kap.planning.PlanContent;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.i18n.DecisionValueWords;
import com.kap.platform.i18n.SourceTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What a stakeholder map lacks, in the words of the account health's reason (DMN accountHealth, rule
 * coverageMissing: "No {0} in the stakeholder map"): the table is given them in English ({@link #english}),
 * "decision maker with an owner and no champion", and stores the reason so; a reader of another language reads
 * them in theirs ({@link #say}), "un décideur avec un responsable chez nous et un champion". The buying roles are the
 * draft form's options, in lower case; the words around them {@code accountHealth.gap.*} of the rituals bundle.
 */
@Component
public class CoverageWords implements DecisionValueWords {

  /** The reason that names what the map lacks, as {@code DecisionTexts} keys it. */
  public static final String REASON = "decision.accountHealth.coverageMissing.reason";
  private static final String FORM = "draftAccountPlan";
  private static final String FIELD = "stakeholders[].buyingRole";

  @Override
  public String key() {
    return REASON;
  }

  @Override
  public int index() {
    return 0;
  }

  /** The gaps as the table is given them: English, each on its own (the table joins none; see {@link #joined}). */
  public static List<String> english(List<CoverageGap> gaps) {
    return gaps.stream().map(gap -> words(gap, Locale.ENGLISH)).toList();
  }

  /** Gaps in English as one value: "decision maker with an owner and no champion". */
  public static String joined(List<String> english) {
    return english == null || english.isEmpty() ? null : String.join(text(Locale.ENGLISH, "between"), english);
  }

  /**
   * The English value (as {@link #joined} wrote it, now or in a stored reason) in the language; null where a part
   * is not a gap these words name (a role the form no longer has): it is then shown as it is.
   */
  @Override
  public String say(Locale locale, String value) {
    if (value == null) {
      return null;
    }
    List<String> said = new ArrayList<>();
    for (String part : value.split(java.util.regex.Pattern.quote(text(Locale.ENGLISH, "between")), -1)) {
      CoverageGap gap = gapOf(part);
      if (gap == null) {
        return null;
      }
      said.add(words(gap, locale));
    }
    return String.join(text(locale, "between"), said);
  }

  private static CoverageGap gapOf(String english) {
    for (String role : PlanContent.BUYING_ROLES) {
      for (boolean owner : new boolean[] {true, false}) {
        CoverageGap gap = new CoverageGap(role, owner);
        if (words(gap, Locale.ENGLISH).equals(english)) {
          return gap;
        }
      }
    }
    return null;
  }

  private static String words(CoverageGap gap, Locale locale) {
    Locale language = SourceTexts.isFrench(locale) ? Locale.FRENCH : Locale.ENGLISH;
    String role = FormLabels.option(FORM, FIELD, gap.role(), language).toLowerCase(language);
    return text(language, gap.ownerRequired() ? "withOwner" : "role", role);
  }

  private static String text(Locale locale, String key, Object... args) {
    return Bundles.standalone().getMessage("accountHealth.gap." + key, args, locale);
  }
}
