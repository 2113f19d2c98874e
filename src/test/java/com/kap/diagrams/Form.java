package com.kap.diagrams;

import java.util.Set;

/**
 * A Camunda Form as the diagram check sees it.
 *
 * @param variables what a submission sets: the keys of its fields and the paths of its dynamic lists
 * @param entryKeys the keys of the fields inside its dynamic lists (and groups with a path): each entry's keys
 */
record Form(String id, String file, Set<String> variables, Set<String> entryKeys) {}
