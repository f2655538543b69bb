package io.claimwatch.nlp;

import io.claimwatch.schemas.SourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gives a source its kind and canonical name: titles and determiners dropped, "Putin" after
 * "Vladimir Putin" is "Vladimir Putin", "the Russian president" after "Russian President Vladimir
 * Putin" is him too, "the NYT" is "The New York Times", "the newspaper" is the outlet last named
 * before it, and a personal pronoun is the nearest preceding named person. Across articles, names
 * and role descriptions in the shipped {@link SourceAliases} table ("Putin", "the Russian
 * president") take its canonical name when the article itself does not say who is meant. Resolve
 * sources in body order.
 */
public final class SourceResolver {
  private static final Set<String> PERSONAL_PRONOUNS = Set.of("he", "she", "him", "her");
  private static final Set<String> PRONOUNS = Set.of(
      "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me", "one");
  private static final Set<String> TITLES = Set.of(
      "president", "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.",
      "senator", "governor", "secretary", "minister", "prime", "chancellor", "spokesman",
      "spokeswoman", "spokesperson", "ambassador", "general", "judge", "justice", "mayor",
      "director", "chief", "chairman", "chairwoman", "leader", "candidate", "nominee", "speaker",
      "congressman", "congresswoman", "representative", "attorney", "former", "vice", "deputy",
      "foreign", "defense", "press", "state", "campaign", "manager", "adviser", "advisor", "sir",
      "king", "queen", "pope", "prince", "lord", "pastor", "rev.", "professor", "prof.");
  private static final Set<String> PERSON_HEADS = Set.of(
      "president", "minister", "senator", "governor", "secretary", "spokesman", "spokeswoman",
      "spokesperson", "ambassador", "general", "judge", "mayor", "director", "chief", "chairman",
      "leader", "candidate", "nominee", "speaker", "congressman", "congresswoman", "man", "woman",
      "manager", "analyst", "expert", "economist", "lawyer", "attorney", "professor", "author",
      "researcher", "voter", "resident", "witness", "commander", "officer", "executive", "founder",
      "chancellor", "strategist", "pollster", "host", "anchor", "commentator", "son", "daughter",
      "wife", "husband", "father", "mother", "friend", "ceo", "consultant", "activist");
  private static final Set<String> OFFICIAL_HEADS = Set.of(
      "official", "source", "aide", "adviser", "advisor", "diplomat", "insider", "intermediary",
      "representative", "authority", "people", "person", "staffer", "operative", "insiders",
      "ally", "associate", "confidant", "lawmaker", "investigator", "prosecutor", "agent", "officer");
  private static final Set<String> MEDIA_WORDS = Set.of(
      "newspaper", "paper", "publication", "outlet", "magazine", "journalist", "reporter",
      "broadcaster", "network", "tabloid", "daily", "channel", "website", "site", "newsroom",
      "editorial", "columnist", "correspondent", "editor");
  private static final Set<String> MEDIA_NAME_WORDS = Set.of(
      "times", "post", "news", "journal", "press", "herald", "tribune", "gazette", "telegraph",
      "magazine", "radio", "tv", "television", "reuters", "bloomberg", "cnn", "msnbc", "bbc",
      "nbc", "cbs", "abc", "npr", "politico", "breitbart", "huffpost", "guardian", "axios",
      "unn", "tass", "interfax", "economist", "nyt", "wsj", "ap", "afp", "independent", "pravda",
      "spiegel", "monde", "vox", "slate", "atlantic", "newsweek", "fox");
  private static final Map<String, String> MEDIA_ALIASES = Map.ofEntries(
      Map.entry("nyt", "The New York Times"),
      Map.entry("new york times", "The New York Times"),
      Map.entry("the new york times", "The New York Times"),
      Map.entry("the times", "The New York Times"),
      Map.entry("wsj", "The Wall Street Journal"),
      Map.entry("wall street journal", "The Wall Street Journal"),
      Map.entry("the wall street journal", "The Wall Street Journal"),
      Map.entry("washington post", "The Washington Post"),
      Map.entry("the washington post", "The Washington Post"),
      Map.entry("the post", "The Washington Post"),
      Map.entry("ap", "The Associated Press"),
      Map.entry("associated press", "The Associated Press"),
      Map.entry("the associated press", "The Associated Press"));
  private static final Set<String> ORGANIZATION_WORDS = Set.of(
      "kremlin", "white", "pentagon", "ministry", "department", "committee", "party", "campaign",
      "commission", "council", "government", "administration", "agency", "bureau", "office",
      "court", "police", "army", "military", "company", "corporation", "inc.", "corp.", "group",
      "foundation", "institute", "university", "union", "bank", "fbi", "cia", "nato", "un", "eu",
      "gop", "dnc", "rnc", "congress", "senate", "parliament", "house", "staff", "team",
      "embassy", "cabinet", "federation", "association", "organization", "coalition", "fund",
      "center", "centre", "service", "board", "state", "navy", "republicans", "democrats");
  private static final Set<String> DROPPED_LEADS = Set.of(
      "the", "a", "an", "some", "several", "many", "two", "three", "four", "five", "other",
      "these", "those", "this", "that", "his", "her", "their", "its", "our", "both", "all", "most");

  private final AnalyzedText text;
  /** Named persons by the body offset where they were named, for pronouns. */
  private final TreeMap<Integer, String> personsByOffset = new TreeMap<>();
  /** Outlets by the body offset where they were named, for "the newspaper". */
  private final TreeMap<Integer, String> mediaByOffset = new TreeMap<>();
  private final List<String> fullPersonNames = new ArrayList<>();
  /** Role descriptions the article gave a named person ("russian president", "president"), by offset. */
  private final Map<String, TreeMap<Integer, String>> rolesByOffset = new HashMap<>();

  public SourceResolver(AnalyzedText text) {
    this.text = text;
    scanNames();
  }

  public record Resolved(SourceKind kind, String name) {}

  /** Canonical names of the outlets the text names, in text order (one entry per naming). */
  public List<String> namedMedia() {
    return new ArrayList<>(mediaByOffset.values());
  }

  public Resolved resolve(List<Span> spans) {
    List<Token> tokens = text.tokensIn(spans);
    if (tokens.isEmpty()) {
      return new Resolved(SourceKind.OTHER, text.textOf(spans));
    }
    int at = spans.get(0).start();
    String lower = tokens.get(tokens.size() - 1).lemma();
    if (tokens.size() == 1 && PRONOUNS.contains(tokens.get(0).lemma())) {
      String pronoun = tokens.get(0).text();
      if (PERSONAL_PRONOUNS.contains(tokens.get(0).lemma())) {
        var person = personsByOffset.lowerEntry(at);
        return new Resolved(SourceKind.PRONOUN, person == null ? pronoun : person.getValue());
      }
      return new Resolved(SourceKind.PRONOUN, pronoun);
    }
    List<Token> core = dropLeads(tokens);
    String coreText = join(core);
    String coreLower = coreText.toLowerCase(Locale.ROOT);
    String head = headLemma(core);
    // A capitalized "Sources" or "Officials" opening a sentence is tagged as a proper noun.
    boolean officialHead = OFFICIAL_HEADS.contains(head)
        || core.size() == 1 && OFFICIAL_HEADS.contains(CheapLemmatizer.lemma(core.get(0).text(), "NNS"));
    if (officialHead && (!hasOnlyProperNouns(core) || core.size() == 1)) {
      return new Resolved(SourceKind.OFFICIALS, coreText);
    }
    String role = namedRole(withoutPossessive(coreLower), at);
    if (role != null) {
      personsByOffset.put(at, role);
      return new Resolved(SourceKind.PERSON, role);
    }
    String alias = SourceAliases.canonical(withoutPossessive(coreLower));
    if (alias != null) {
      personsByOffset.put(at, alias);
      return new Resolved(SourceKind.PERSON, alias);
    }
    if (isMedia(core)) {
      String outlet = MEDIA_ALIASES.get(withoutPossessive(coreLower));
      if (outlet == null && !hasProperNoun(core)) {
        var named = mediaByOffset.lowerEntry(at);
        outlet = named == null ? null : named.getValue();
      }
      return new Resolved(SourceKind.MEDIA, outlet != null ? outlet : withoutPossessive(coreText));
    }
    if (containsAny(core, ORGANIZATION_WORDS) || isAcronym(core)) {
      return new Resolved(SourceKind.ORGANIZATION, withoutPossessive(coreText));
    }
    List<Token> name = properName(core);
    if (!name.isEmpty()) {
      String person = canonicalPerson(join(name));
      personsByOffset.put(at, person);
      return new Resolved(SourceKind.PERSON, person);
    }
    if (PERSON_HEADS.contains(head) || PERSON_HEADS.contains(lower)) {
      return new Resolved(SourceKind.PERSON, coreLower);
    }
    return new Resolved(SourceKind.OTHER, coreLower);
  }

  private void scanNames() {
    List<Token> tokens = text.tokens();
    int i = 0;
    while (i < tokens.size()) {
      if (!tokens.get(i).pos().startsWith("NNP")) {
        i++;
        continue;
      }
      int end = i;
      while (end < tokens.size() && tokens.get(end).pos().startsWith("NNP")) {
        end++;
      }
      List<Token> run = tokens.subList(i, end);
      if (isMedia(run)) {
        // The tagger reads the "New" of "New York Times" as an adjective.
        List<Token> named = i > 0 && tokens.get(i - 1).pos().equals("JJ") && Character.isUpperCase(tokens.get(i - 1).text().charAt(0))
            ? tokens.subList(i - 1, end) : run;
        mediaByOffset.put(named.get(0).start(), MEDIA_ALIASES.getOrDefault(join(named).toLowerCase(Locale.ROOT), join(named)));
      } else if (!containsAny(run, ORGANIZATION_WORDS)) {
        boolean titled = i > 0 && TITLES.contains(tokens.get(i - 1).lemma());
        List<Token> name = properName(run);
        if (!name.isEmpty() && (titled || name.size() >= 2 || isKnownLastName(name))) {
          String person = canonicalPerson(join(name));
          personsByOffset.put(run.get(0).start(), person);
          addRoles(tokens, i, run, name, person);
        }
      }
      i = end;
    }
  }

  /**
   * Remembers the titles the article put before a name ("Russian President Vladimir Putin"): the
   * whole role ("russian president") and its head title ("president") then mean that person.
   */
  private void addRoles(List<Token> tokens, int runStart, List<Token> run, List<Token> name, String person) {
    List<String> role = new ArrayList<>();
    for (int before = runStart - 1; before >= 0 && (tokens.get(before).pos().equals("JJ")
        || tokens.get(before).pos().startsWith("NN") && TITLES.contains(tokens.get(before).lemma())); before--) {
      role.add(0, tokens.get(before).lemma());
    }
    for (Token t : run.subList(0, run.indexOf(name.get(0)))) {
      role.add(t.lemma());
    }
    if (role.isEmpty()) {
      return;
    }
    int at = run.get(0).start();
    rolesByOffset.computeIfAbsent(String.join(" ", role), r -> new TreeMap<>()).put(at, person);
    String head = role.get(role.size() - 1);
    if (PERSON_HEADS.contains(head)) {
      rolesByOffset.computeIfAbsent(head, r -> new TreeMap<>()).put(at, person);
    }
  }

  /** The person the article last gave this role before {@code at} (or, failing that, first after it). */
  private String namedRole(String role, int at) {
    TreeMap<Integer, String> named = rolesByOffset.get(role);
    if (named == null) {
      return null;
    }
    var before = named.lowerEntry(at);
    return before != null ? before.getValue() : named.firstEntry().getValue();
  }

  private boolean isKnownLastName(List<Token> name) {
    return name.size() == 1 && fullPersonNames.stream().anyMatch(n -> n.endsWith(" " + name.get(0).text()));
  }

  /**
   * "Putin" → "Vladimir Putin" when the article named him in full before, or else when the shipped
   * alias table knows the name.
   */
  private String canonicalPerson(String name) {
    if (name.indexOf(' ') < 0) {
      for (String full : fullPersonNames) {
        if (full.endsWith(" " + name)) {
          return full;
        }
      }
      String alias = SourceAliases.canonical(name);
      return alias != null ? alias : name;
    }
    String alias = SourceAliases.canonical(name);
    String canonical = alias != null ? alias : name;
    if (!fullPersonNames.contains(canonical)) {
      fullPersonNames.add(canonical);
    }
    return canonical;
  }

  /** Proper-noun tokens of a phrase, titles and possessives dropped: "President Vladimir Putin's" → "Vladimir Putin". */
  private static List<Token> properName(List<Token> phrase) {
    List<Token> name = new ArrayList<>();
    for (Token t : phrase) {
      if (t.pos().startsWith("NNP") && !TITLES.contains(t.lemma()) && Character.isUpperCase(t.text().charAt(0))) {
        name.add(t);
      } else if (!name.isEmpty()) {
        break;
      }
    }
    return name;
  }

  private static boolean isMedia(List<Token> phrase) {
    for (Token t : phrase) {
      String lemma = t.lemma();
      if (MEDIA_WORDS.contains(lemma) && !t.pos().startsWith("NNP")) {
        return true;
      }
      if (t.pos().startsWith("NNP") && MEDIA_NAME_WORDS.contains(lemma)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAcronym(List<Token> phrase) {
    for (Token t : phrase) {
      String s = t.text();
      if (s.length() >= 2 && s.chars().allMatch(c -> Character.isUpperCase(c) || c == '.')
          && !s.equals("U.S.") && !s.equals("US") && !s.equals("UK") && !s.equals("U.K.")) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(List<Token> phrase, Set<String> words) {
    for (Token t : phrase) {
      if (words.contains(t.lemma()) && (t.pos().startsWith("NN") || t.pos().equals("JJ"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasProperNoun(List<Token> phrase) {
    return phrase.stream().anyMatch(t -> t.pos().startsWith("NNP") && !t.lemma().equals("nyt"));
  }

  private static boolean hasOnlyProperNouns(List<Token> phrase) {
    return phrase.stream().allMatch(t -> t.pos().startsWith("NNP"));
  }

  /** The last noun before any "of"/"close to" modifier: "officials close to the Kremlin" → official. */
  private static String headLemma(List<Token> phrase) {
    String head = "";
    for (Token t : phrase) {
      if (t.pos().startsWith("NN")) {
        head = t.lemma();
      } else if (!head.isEmpty() && !t.pos().equals("POS") && !t.pos().startsWith("JJ")) {
        break;
      }
    }
    return head;
  }

  private static List<Token> dropLeads(List<Token> tokens) {
    int from = 0;
    while (from < tokens.size() - 1
        && (DROPPED_LEADS.contains(tokens.get(from).lemma()) || tokens.get(from).pos().equals("CD"))) {
      from++;
    }
    return tokens.subList(from, tokens.size());
  }

  private static String withoutPossessive(String name) {
    return name.endsWith("'s") || name.endsWith("’s") ? name.substring(0, name.length() - 2).trim() : name;
  }

  private static String join(List<Token> tokens) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (i > 0 && t.start() > tokens.get(i - 1).end()) {
        s.append(' ');
      }
      s.append(t.text());
    }
    return s.toString();
  }
}
