package io.claimwatch.nlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dictionary-and-suffix lemmas from a word and its Penn tag. OpenNLP's ME lemmatizer is ~20x slower
 * than POS tagging, so the hot path uses this: exact for irregular verbs and the regular
 * inflections that reporting verbs and claim words take, approximate elsewhere but always the same
 * lemma for the same form, which is what claim keys and features need.
 */
public final class CheapLemmatizer {
  private static final Map<String, String> IRREGULAR = new HashMap<>();

  static {
    String[][] verbs = {
      {"be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m", "’s", "’re", "’m"},
      {"have", "has", "had", "having", "'ve", "’ve"},
      {"do", "does", "did", "done", "doing"},
      {"say", "says", "said", "saying"},
      {"go", "goes", "went", "gone"},
      {"tell", "told"}, {"think", "thought"}, {"write", "wrote", "written"},
      {"know", "knew", "known"}, {"make", "made"}, {"take", "took", "taken"},
      {"give", "gave", "given"}, {"see", "saw", "seen"}, {"find", "found"},
      {"get", "got", "gotten"}, {"come", "came"}, {"become", "became"},
      {"begin", "began", "begun"}, {"hear", "heard"}, {"feel", "felt"},
      {"mean", "meant"}, {"leave", "left"}, {"keep", "kept"}, {"hold", "held"},
      {"bring", "brought"}, {"buy", "bought"}, {"teach", "taught"}, {"seek", "sought"},
      {"build", "built"}, {"send", "sent"}, {"spend", "spent"}, {"speak", "spoke", "spoken"},
      {"choose", "chose", "chosen"}, {"break", "broke", "broken"}, {"win", "won"},
      {"lose", "lost"}, {"run", "ran"}, {"stand", "stood"}, {"understand", "understood"},
      {"show", "shown"}, {"grow", "grew", "grown"}, {"throw", "threw", "thrown"},
      {"fall", "fell", "fallen"}, {"lead", "led"}, {"meet", "met"}, {"pay", "paid"},
      {"sell", "sold"}, {"rise", "rose", "risen"}, {"drive", "drove", "driven"},
      {"forget", "forgot", "forgotten"}, {"swear", "swore", "sworn"}, {"fight", "fought"},
      {"catch", "caught"}, {"lie", "lay", "lain", "lying"}, {"deny", "denies", "denied"},
      {"admit", "admitted"}, {"tweet", "tweeted"}, {"agree", "agreed", "agrees"},
      {"will", "wo"}, {"can", "ca"}, {"not", "n't", "n’t"}, {"sit", "sat"}, {"wear", "wore", "worn"},
      {"draw", "drew", "drawn"}, {"shake", "shook", "shaken"}, {"strike", "struck"},
      {"steal", "stole", "stolen"}, {"flee", "fled"}, {"feed", "fed"}, {"bear", "bore", "borne"},
      {"hide", "hid", "hidden"}, {"ride", "rode", "ridden"}, {"eat", "ate", "eaten"},
      {"foresee", "foresaw", "foreseen"}, {"withdraw", "withdrew", "withdrawn"},
      {"man", "men"}, {"woman", "women"}, {"child", "children"}, {"person", "people"}
    };
    for (String[] forms : verbs) {
      for (String form : forms) {
        IRREGULAR.put(form, forms[0]);
      }
    }
  }

  private CheapLemmatizer() {}

  public static String lemma(String word, String pennTag) {
    String lower = word.toLowerCase(Locale.ROOT);
    String irregular = IRREGULAR.get(lower);
    if (irregular != null) {
      return irregular;
    }
    if (pennTag == null || lower.length() < 4) {
      return lower;
    }
    switch (pennTag) {
      case "NNS":
        return singular(lower);
      case "VBZ":
        return singular(lower);
      case "VBD":
      case "VBN":
        return lower.endsWith("ed") ? restoreStem(lower.substring(0, lower.length() - 2)) : lower;
      case "VBG":
        return lower.endsWith("ing") && lower.length() > 5
            ? restoreStem(lower.substring(0, lower.length() - 3))
            : lower;
      default:
        return lower;
    }
  }

  private static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches")
        || word.endsWith("shes") || word.endsWith("zzes")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** Undo the spelling changes of -ed/-ing: "stopp" → "stop", "announc" → "announce", "deni" → "deny". */
  private static String restoreStem(String stem) {
    int n = stem.length();
    if (n < 2) {
      return stem;
    }
    char last = stem.charAt(n - 1);
    char before = stem.charAt(n - 2);
    if (last == 'i' && !isVowel(before)) {
      return stem.substring(0, n - 1) + "y";
    }
    if (last == before && !isVowel(last) && last != 'l' && last != 's' && last != 'z' && n > 3) {
      return stem.substring(0, n - 1);
    }
    if (last == 'c' || last == 'g' && before != 'n' || last == 'v' || last == 'z' || last == 'u') {
      return stem + "e";
    }
    if (n >= 3 && isVowel(before) && !isVowel(stem.charAt(n - 3))) {
      boolean oneSyllable = vowelGroups(stem) == 1;
      boolean eEnding = switch (before) {
        case 'a' -> last == 't' || last == 'r' || last == 'm' || last == 'k' || last == 's';
        case 'i' -> last == 'd' || last == 'n' || last == 'r' || last == 't' && oneSyllable;
        case 'u' -> last == 'd' || last == 'r' || last == 's' || last == 'm';
        case 'o' -> last == 't' || last == 'r' && oneSyllable || last == 's' || last == 'k';
        default -> false;
      };
      if (eEnding || oneSyllable && (last == 'm' || last == 'k' || last == 'n' || last == 'd' || last == 't')) {
        return stem + "e";
      }
    }
    return stem;
  }

  private static int vowelGroups(String s) {
    int groups = 0;
    boolean inVowel = false;
    for (int i = 0; i < s.length(); i++) {
      boolean vowel = isVowel(s.charAt(i));
      if (vowel && !inVowel) {
        groups++;
      }
      inVowel = vowel;
    }
    return groups;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
