package com.kap.planning;

/**
 * One difference between a plan version and the one before it, in the words of the plan form in the reader's
 * language: the section ("Action plan", "Plan d’actions"), the entry it concerns where the section is a list
 * ("Pricing workshop") and the field that changed ("Due date", "Échéance"), with the text before and after. An
 * added entry has no text before, a removed one none after.
 *
 * @param section the section's label, e.g. "Customer situation" or "Objectives"
 * @param entry the list entry, by its own words (an objective's description, an action, a risk, a need); null for a
 *     text section
 * @param field the field of the entry that changed, e.g. "Target"; null when a whole entry or text changed
 * @param kind added, removed or changed
 * @param before what the previous version said; null when added
 * @param after what this version says; null when removed
 */
public record PlanChange(String section, String entry, String field, Kind kind, String before, String after) {

  public enum Kind {
    ADDED("added"), REMOVED("removed"), CHANGED("changed");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
