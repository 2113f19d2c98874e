package com.kap.platform.forms;

/** A count with its noun as a person writes it: "1 bid", "2 bids", "0 bids". */
public final class Plural {

  private Plural() {}

  public static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
