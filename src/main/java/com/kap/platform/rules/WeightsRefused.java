package com.kap.platform.rules;

/** A weights table KAP refuses to start a cycle or round with: a missing, negative or badly adding up weight. */
public class WeightsRefused extends IllegalStateException {

  public WeightsRefused(String message) {
    super(message);
  }
}
