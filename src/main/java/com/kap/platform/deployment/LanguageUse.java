package com.kap.platform.deployment;

/**
 * A place in a model that names the language a script or expression runs in.
 *
 * @param site the element, described from its nearest ancestor with an id, e.g. "scriptTask 'computeTotal'"
 * @param elementId that ancestor's id, or null if none has one
 */
record LanguageUse(String site, String elementId, String language, int line, int column) {}
