package io.claimwatch.nlp.attribution;

import java.util.Set;

/** Lemmas of verbs that report speech or thought, and the words that introduce a source. */
public final class CueLexicon {
  public static final Set<String> REPORTING_VERBS = Set.of(
      "say", "tell", "report", "announce", "believe", "claim", "state", "add", "note", "write",
      "insist", "argue", "explain", "warn", "suggest", "acknowledge", "admit", "deny", "confirm",
      "assert", "declare", "think", "predict", "estimate", "reveal", "indicate", "allege",
      "contend", "maintain", "stress", "emphasize", "recall", "tweet", "testify", "complain",
      "conclude", "learn", "boast", "signal", "promise", "vow", "pledge", "threaten", "urge",
      "charge", "accuse", "question", "concede", "agree", "disclose", "remark", "reply",
      "respond", "observe", "caution", "fear", "hope", "worry", "doubt", "expect", "show",
      "find", "mention", "describe", "point", "speculate", "assure", "repeat");

  /**
   * Verbs that cue an attributed stance or intention more often than speech ("wants", "supports",
   * "plans", "refused"): not matched by the rules, but a feature of the trained model, which learns
   * when they cue an attribution.
   */
  public static final Set<String> STANCE_VERBS = Set.of(
      "want", "call", "ask", "know", "feel", "propose", "criticize", "praise", "blame", "attack",
      "support", "oppose", "decline", "refuse", "demand", "order", "plan", "see", "consider", "wonder");

  /** Reporting verbs that take an object before their content: "told reporters that …". */
  public static final Set<String> OBJECT_VERBS = Set.of("tell", "assure", "warn", "promise", "remind", "inform");

  private CueLexicon() {}

  public static boolean isReportingVerb(String lemma, String pos) {
    return pos.startsWith("VB") && REPORTING_VERBS.contains(lemma);
  }

  /** A verb of either list: {@link #REPORTING_VERBS} or {@link #STANCE_VERBS}. */
  public static boolean isCueVerb(String lemma, String pos) {
    return pos.startsWith("VB") && (REPORTING_VERBS.contains(lemma) || STANCE_VERBS.contains(lemma));
  }
}
