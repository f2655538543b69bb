package io.claimwatch.nlp;

import java.util.Locale;
import java.util.Set;

/**
 * Fine Penn Treebank tags from the universal (UD) tags that OpenNLP's English model predicts plus
 * the word's form and its left neighbour. The model only knows coarse classes (VERB, NOUN, AUX), but
 * attribution and lemmas need tense, number and modality: "said" (VBD) vs "say" (VBP), "officials"
 * (NNS), "would" (MD) vs "was" (VBD).
 */
public final class PennTags {
  private static final Set<String> MODALS = Set.of(
      "will", "would", "can", "could", "may", "might", "shall", "should", "must", "wo", "ca", "'ll", "’ll", "'d", "’d");
  private static final Set<String> POSSESSIVE_PRONOUNS = Set.of("his", "her", "its", "their", "my", "our", "your");
  private static final Set<String> WH_PRONOUNS = Set.of("who", "whom", "what", "which", "whoever", "whatever");
  private static final Set<String> IRREGULAR_PAST = Set.of(
      "said", "told", "thought", "wrote", "knew", "made", "took", "gave", "saw", "found", "got", "came",
      "became", "began", "heard", "felt", "meant", "left", "kept", "held", "brought", "bought", "taught",
      "sought", "built", "sent", "spent", "spoke", "chose", "broke", "won", "lost", "ran", "stood",
      "understood", "grew", "threw", "fell", "led", "met", "paid", "sold", "rose", "drove", "forgot",
      "swore", "fought", "caught", "went", "did", "had", "was", "were", "put", "set", "let", "cut", "hit",
      "read", "quit", "sat", "wore", "drew", "shook", "struck", "fled", "fed", "hid", "rode", "ate",
      "withdrew", "lay", "laid", "sang", "rang", "drank", "swam", "flew", "slept", "wept");
  private static final Set<String> IRREGULAR_PARTICIPLE = Set.of(
      "been", "done", "gone", "written", "known", "taken", "given", "seen", "gotten", "begun", "spoken",
      "chosen", "broken", "shown", "grown", "thrown", "fallen", "risen", "driven", "forgotten", "sworn",
      "worn", "drawn", "shaken", "stolen", "hidden", "ridden", "eaten", "withdrawn", "sung", "flown");
  private static final Set<String> PLURAL_NOUNS = Set.of("people", "men", "women", "children", "police", "media", "data");

  private PennTags() {}

  /** @param previous the lower-cased previous word in the sentence, or null at its start */
  public static String of(String universal, String word, String previous) {
    String upos = universal.indexOf('+') > 0 ? universal.substring(0, universal.indexOf('+')) : universal;
    String lower = word.toLowerCase(Locale.ROOT);
    // Clitics split off their word: the tagger, trained on other tokens, may call them punctuation.
    if (lower.equals("n't") || lower.equals("n’t")) {
      return "RB";
    }
    if ((lower.equals("'s") || lower.equals("’s")) && upos.equals("PUNCT")) {
      return "POS";
    }
    switch (upos) {
      case "NOUN":
        return isPluralNoun(lower) ? "NNS" : "NN";
      case "PROPN":
        return "NNP";
      case "VERB":
      case "AUX":
        return verbTag(lower, previous);
      case "PRON":
        if (POSSESSIVE_PRONOUNS.contains(lower)) {
          return "PRP$";
        }
        return WH_PRONOUNS.contains(lower) ? "WP" : "PRP";
      case "DET":
        return WH_PRONOUNS.contains(lower) ? "WDT" : "DT";
      case "ADJ":
        return "JJ";
      case "ADV":
        return "RB";
      case "ADP":
      case "SCONJ":
        return "IN";
      case "CCONJ":
        return "CC";
      case "NUM":
        return "CD";
      case "PART":
        if (lower.equals("to")) {
          return "TO";
        }
        return lower.equals("'s") || lower.equals("’s") || lower.equals("'") || lower.equals("’") ? "POS" : "RB";
      case "PUNCT":
        return punctuationTag(word);
      case "INTJ":
        return "UH";
      case "SYM":
        return "SYM";
      default:
        return "FW";
    }
  }

  private static boolean isPluralNoun(String lower) {
    if (PLURAL_NOUNS.contains(lower)) {
      return true;
    }
    return lower.length() > 3 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us")
        && !lower.endsWith("is") && !lower.endsWith("'s") && !lower.endsWith("’s");
  }

  private static String verbTag(String lower, String previous) {
    if (MODALS.contains(lower)) {
      return "MD";
    }
    boolean afterAuxiliary = previous != null && (previous.equals("has") || previous.equals("have")
        || previous.equals("had") || previous.equals("been") || previous.equals("be") || previous.equals("is")
        || previous.equals("was") || previous.equals("were") || previous.equals("are") || previous.equals("being")
        || previous.equals("'s") || previous.equals("’s") || previous.equals("'ve") || previous.equals("’ve"));
    switch (lower) {
      case "is": case "'s": case "’s": case "has": case "does":
        return "VBZ";
      case "are": case "am": case "'re": case "’re": case "'m": case "’m": case "'ve": case "’ve":
        return "VBP";
      case "be":
        return "VB";
      case "being":
        return "VBG";
      default:
        break;
    }
    if (IRREGULAR_PARTICIPLE.contains(lower)) {
      return "VBN";
    }
    if (IRREGULAR_PAST.contains(lower) || lower.endsWith("ed") && lower.length() > 3) {
      return afterAuxiliary ? "VBN" : "VBD";
    }
    if (lower.endsWith("ing") && lower.length() > 4) {
      return "VBG";
    }
    if (previous != null && (previous.equals("to") || MODALS.contains(previous)
        || previous.equals("did") || previous.equals("does") || previous.equals("do"))) {
      return "VB";
    }
    if (lower.endsWith("s") && !lower.endsWith("ss") && lower.length() > 2) {
      return "VBZ";
    }
    return "VBP";
  }

  private static String punctuationTag(String word) {
    switch (word) {
      case ",":
        return ",";
      case ":": case ";": case "-": case "--": case "—": case "–": case "...": case "…":
        return ":";
      case "“": case "``": case "‘":
        return "``";
      case "”": case "''": case "’":
        return "''";
      case "\"": case "'":
        return "\"";
      case "(": case "[": case "{":
        return "-LRB-";
      case ")": case "]": case "}":
        return "-RRB-";
      case "$":
        return "$";
      case "#":
        return "#";
      default:
        return ".";
    }
  }
}
