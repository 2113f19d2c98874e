package com.kap.diagrams;

import java.util.Optional;

/** The Spring beans that diagrams and element templates may name. */
public interface KnownBeans {

  boolean exists(String name);

  /** The fully qualified name of the bean's class, to find its source; empty for an unknown bean. */
  Optional<String> className(String name);

  /** The bean itself, for an expression the engine evaluates as it deploys (a timer start event's cycle). */
  Object instance(String name);
}
