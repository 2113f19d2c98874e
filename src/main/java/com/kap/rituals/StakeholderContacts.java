package com.kap.rituals;

import com.kap.planning.AccountStakeholders;
import com.kap.planning.PlanContent;
import com.kap.planning.StakeholderMap;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.rituals.internal.OrgChartPicture;
import com.kap.rituals.internal.ParticipantRepository;
import com.kap.rituals.internal.RitualFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The account's stakeholders in its rituals: offered as the customer participants of a ritual held with the
 * customer, recorded as taking part, and shown with the day of our last contact with each, as a list and as an org
 * chart.
 */
@Service
public class StakeholderContacts {

  /** The "Hold ritual" field of the stakeholders who took part. */
  public static final String FIELD = "stakeholdersPresent";

  private final AccountStakeholders stakeholders;
  private final ParticipantRepository participants;
  private final RitualFacts facts;
  private final OrgChartPicture pictures;

  public StakeholderContacts(AccountStakeholders stakeholders, ParticipantRepository participants, RitualFacts facts,
      OrgChartPicture pictures) {
    this.stakeholders = stakeholders;
    this.participants = participants;
    this.facts = facts;
    this.pictures = pictures;
  }

  /**
   * The account's stakeholders as "Hold ritual" offers them (label "Eva Lind, COO", value the name); none for a
   * ritual without the customer.
   */
  public List<Map<String, String>> options(DelegateExecution branch) {
    Occurrence occurrence = facts.occurrenceOf(branch);
    if (occurrence.customerParticipants() == null) {
      return List.of();
    }
    List<Map<String, String>> options = new ArrayList<>();
    for (PlanContent.Stakeholder s : stakeholders.of(occurrence.accountId()).map(StakeholderMap::stakeholders)
        .orElse(List.of())) {
      options.add(Map.of("label", s.title() == null ? s.name() : s.name() + ", " + s.title(), "value", s.name()));
    }
    return options;
  }

  /**
   * Records who of the account's stakeholders took part in a ritual held with the customer; nothing for a ritual
   * moved or not held, or one without the customer.
   *
   * @throws InvalidFormData when a name is not one of the account's stakeholders
   */
  public void record(DelegateExecution branch, FormValues values) {
    Occurrence occurrence = facts.occurrenceOf(branch);
    if (!"yes".equals(values.choice("held", List.of("yes", "no", "moved"), true))
        || occurrence.customerParticipants() == null) {
      return;
    }
    Map<String, String> known = new LinkedHashMap<>();
    stakeholders.of(occurrence.accountId()).map(StakeholderMap::stakeholders).orElse(List.of())
        .forEach(s -> known.put(key(s.name()), s.name()));
    List<String> present = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : values.textList(FIELD, false, 200)) {
      String stakeholder = known.get(key(name));
      if (stakeholder == null) {
        unknown.add(name);
      } else if (!present.contains(stakeholder)) {
        present.add(stakeholder);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidFormData(FIELD, Problem.of(unknown.size() == 1 ? "contacts.unknown.one"
          : "contacts.unknown.many", String.join(", ", unknown)));
    }
    participants.record(occurrence.occurrenceNo(), occurrence.accountId(), present);
  }

  /**
   * The account's map with each stakeholder's last contact, for its KAM, sponsor, the programme director and the
   * directors.
   *
   * @throws com.kap.platform.web.ApiException 404 for an unknown account, 403 for one the caller may not see
   */
  public AccountStakeholderMap map(String accountId) {
    Optional<StakeholderMap> map = stakeholders.visibleTo(accountId);
    if (map.isEmpty()) {
      return new AccountStakeholderMap(accountId, null, null, List.of());
    }
    Map<String, LocalDate> last = participants.lastContacts(accountId);
    return new AccountStakeholderMap(accountId, map.get().planYear(), map.get().planVersion(),
        map.get().stakeholders().stream().map(s -> new StakeholderContact(s.name(), s.title(), s.buyingRole(),
            s.influence(), s.attitude(), s.owner(), s.reportsTo(), last.get(key(s.name())))).toList());
  }

  /** The map drawn as an org chart (SVG) in the reader's language, to the same people as {@link #map}. */
  public String orgChart(AccountStakeholderMap map, Locale reader) {
    return pictures.render(map.stakeholders(), reader);
  }

  private static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }
}
