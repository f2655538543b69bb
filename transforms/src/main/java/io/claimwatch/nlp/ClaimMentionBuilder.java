package io.claimwatch.nlp;

import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.watchlist.Watchlist;
import io.claimwatch.schemas.Article;
import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.Source;
import io.claimwatch.schemas.SourceKind;
import io.claimwatch.schemas.SpanGroup;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an article's attributions into claim mentions (source resolved, claim key and id set) and
 * adds the outlet's own declarative sentences as own-voice mentions. Questions, headline
 * fragments and boilerplate are not claims.
 */
public final class ClaimMentionBuilder {
  /** An own-voice claim needs at least this many words: shorter lines are headings or captions. */
  private static final int MIN_OWN_VOICE_WORDS = 6;
  /**
   * Site furniture and credits, not statements. Whole words and phrases in their boilerplate use
   * only: a story about "846,000 subscribers", "copyright law" or a "one-click" feature is a claim.
   */
  private static final Pattern BOILERPLATE = Pattern.compile("(?i)"
      + "^(subscribe|sign up|follow us|read more|share this|advertisement|click)\\b"
      + "|\\bclick (here|below|to|on)\\b|\\b(subscribe to|sign up for) (our|the|free)\\b|\\bnewsletters?\\b"
      + "|\\bwe use cookies\\b|\\bcookie (policy|settings|preferences)\\b|all rights reserved|©|\\bcopyright (\\(c\\) )?\\d{4}"
      + "|\\bterms of (use|service)\\b|^privacy policy|\\bour privacy policy\\b|\\bthis story has been (updated|corrected)"
      + "|\\bcontributed to this (report|story|article)|\\b(reporting|editing|additional reporting) by\\b");

  /**
   * Mentions of one article, and how many contents had no content words (attributed mentions are
   * kept with an empty claim key and id; such own-voice sentences are not claims and are dropped).
   */
  public record Result(List<ClaimMention> mentions, int emptyClaims) {}

  private final Watchlist watchlist;

  public ClaimMentionBuilder(Watchlist watchlist) {
    this.watchlist = watchlist;
  }

  public Result build(Article article, String day, AnalyzedText text, List<Attribution> attributions) {
    List<ClaimMention.Builder> mentions = new ArrayList<>();
    SourceResolver resolver = new SourceResolver(text);
    Map<String, Integer> mediaCitations = new HashMap<>();
    resolver.namedMedia().forEach(name -> mediaCitations.merge(name, 1, Integer::sum));
    BitSet attributedChars = new BitSet(text.body().length());
    Set<Attribution> seen = new HashSet<>();
    // Each sentence's main claim (its longest; the first in key order on a tie) carries the whole
    // sentence's key, so that paraphrased sentences join their main claims and only those.
    List<String> claimKeys = new ArrayList<>(attributions.size());
    List<List<Token>> contents = new ArrayList<>(attributions.size());
    Map<Integer, String> mainClaimOfSentence = new HashMap<>();
    for (Attribution attribution : attributions) {
      List<Token> content = text.tokensIn(attribution.content());
      contents.add(content);
      String claimKey = ClaimKeys.key(content);
      claimKeys.add(claimKey);
      mainClaimOfSentence.merge(sentenceOfCue(text, attribution).index(), claimKey,
          (a, b) -> a.length() != b.length() ? (a.length() > b.length() ? a : b) : (a.compareTo(b) <= 0 ? a : b));
    }
    int emptyClaims = 0;
    for (int i = 0; i < attributions.size(); i++) {
      Attribution attribution = attributions.get(i);
      if (!isPronounOnly(contents.get(i))) {
        markAll(attribution.source(), attributedChars);
        markAll(attribution.cue(), attributedChars);
        markAll(attribution.content(), attributedChars);
      }
      // Only an identical attribution is a duplicate: two sources (or cues) of one content are two
      // mentions, each with its own source.
      if (!seen.add(attribution)) {
        continue;
      }
      // A content with no content words ("he did not think so") is still an attribution, but it has
      // no claim identity: empty claimKey and claimId, not counted in the daily claims.
      String claimKey = claimKeys.get(i);
      if (claimKey.isEmpty()) {
        emptyClaims++;
      }
      Source source = null;
      if (attribution.hasSource()) {
        SourceResolver.Resolved resolved = resolver.resolve(attribution.source());
        source = new Source(text.textOf(attribution.source()), toAvro(attribution.source()),
            resolved.kind(), resolved.name());
        if (resolved.kind() == SourceKind.MEDIA) {
          // Citing an outlet as a source weighs as much as naming it twice.
          mediaCitations.merge(resolved.name(), 2, Integer::sum);
        }
      }
      Sentence sentence = sentenceOfCue(text, attribution);
      String sentenceKey = claimKey.equals(mainClaimOfSentence.get(sentence.index())) ? sentenceKey(text, sentence, claimKey) : null;
      mentions.add(mention(article, day, sentence, source, group(text, attribution.cue()),
          group(text, attribution.content()), true, claimKey, contents.get(i))
          .setSentenceKey(sentenceKey)
          .setNounPhrase(isNounPhrase(contents.get(i))));
    }
    for (Sentence sentence : text.sentences()) {
      if (attributedChars.nextSetBit(sentence.span().start()) >= 0
          && attributedChars.nextSetBit(sentence.span().start()) < sentence.span().end()) {
        continue;
      }
      List<Token> tokens = text.tokens(sentence);
      if (!isDeclarative(tokens, sentence.span().of(text.body()))) {
        continue;
      }
      int end = sentence.endToken();
      while (end > sentence.firstToken() && text.tokens().get(end - 1).isPunctuation()
          && !text.tokens().get(end - 1).text().matches("[”\"’]")) {
        end--;
      }
      List<Span> content = text.spansOf(sentence.firstToken(), end);
      String claimKey = ClaimKeys.key(text.tokensIn(content));
      if (claimKey.isEmpty()) {
        emptyClaims++;
        continue;
      }
      Source outlet = new Source(null, List.of(), SourceKind.MEDIA, article.getOutlet());
      mentions.add(mention(article, day, sentence, outlet, null, group(text, content), false, claimKey,
          text.tokensIn(content)));
    }
    String relayedFrom = relayedOutlet(article.getOutlet(), mediaCitations);
    List<ClaimMention> built = new ArrayList<>(mentions.size());
    for (ClaimMention.Builder mention : mentions) {
      built.add(mention.setRelayedFrom(relayedFrom).build());
    }
    return new Result(built, emptyClaims);
  }

  private static Sentence sentenceOfCue(AnalyzedText text, Attribution attribution) {
    return text.sentenceOf(Math.max(0, text.firstTokenAtOrAfter(attribution.cue().get(0).start())));
  }

  /**
   * The claim key of an attribution's whole sentence, source and cue included; null when that is the
   * claim key itself. Two outlets cut one statement's content differently, and the words around it
   * ("O'Keefe said Friday") are evidence too.
   */
  private static String sentenceKey(AnalyzedText text, Sentence sentence, String claimKey) {
    String key = ClaimKeys.key(text.tokens(sentence));
    return key.isEmpty() || key.equals(claimKey) ? null : key;
  }

  /**
   * The outlet an article relays, if any: another outlet cited as a source, or named at least twice
   * ("This was reported by The New York Times … the NYT writes"); the most cited one, the
   * alphabetically first on a tie.
   */
  static String relayedOutlet(String ownOutlet, Map<String, Integer> citations) {
    String relayed = null;
    int most = 1;
    for (Map.Entry<String, Integer> cited : citations.entrySet()) {
      boolean own = cited.getKey().equalsIgnoreCase(ownOutlet)
          || cited.getKey().toLowerCase(java.util.Locale.ROOT).replace(" ", "").contains(ownOutlet.replace(" ", ""));
      if (!own && (cited.getValue() > most || cited.getValue() == most && relayed != null
          && cited.getKey().compareTo(relayed) < 0)) {
        relayed = cited.getKey();
        most = cited.getValue();
      }
    }
    return relayed;
  }

  /**
   * A content that is only a pronoun ("President Bill Clinton vetoed them", "which Bush imposed",
   * "He is charged"): the extractor took a verb's object or subject for a statement. It claims
   * nothing, so it does not keep its sentence from being the outlet's own claim.
   */
  private static boolean isPronounOnly(List<Token> content) {
    return content.size() == 1 && PRONOUN_TAGS.contains(content.get(0).pos());
  }

  private static final Set<String> PRONOUN_TAGS = Set.of("PRP", "WP", "WDT");

  /**
   * A content without a verb ("the allegations", "her Republican rival Donald Trump", "Clinton's
   * win in South Dakota") names what a source spoke of, not what it said: two such contents that
   * share a topic's words are not one claim. A verb the tagger took for a noun counts as a verb.
   */
  static boolean isNounPhrase(List<Token> content) {
    for (int i = 0; i < content.size(); i++) {
      Token t = content.get(i);
      if (t.pos().startsWith("VB") || t.pos().equals("MD") || isMistaggedVerb(t)
          || i > 0 && isMistaggedPastTense(content.get(i - 1), t) || i > 0 && isContractedVerb(content.get(i - 1), t)
          || isMistaggedPresentTense(content, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDeclarative(List<Token> tokens, String sentenceText) {
    if (tokens.size() < MIN_OWN_VOICE_WORDS) {
      return false;
    }
    String last = tokens.get(tokens.size() - 1).text();
    // "… made by Hynix Semiconductor Inc.": an abbreviation's period ends the sentence too.
    boolean endsLikeStatement = last.endsWith(".") && !last.endsWith("..") || last.equals("!")
        || (last.equals("”") || last.equals("\"")) && tokens.size() > 1 && tokens.get(tokens.size() - 2).text().equals(".");
    if (!endsLikeStatement || sentenceText.contains("?")) {
      return false;
    }
    if (BOILERPLATE.matcher(sentenceText.strip()).find()) {
      return false;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.pos().equals("VBD") || t.pos().equals("VBZ") || t.pos().equals("VBP") || t.pos().equals("MD")
          || isMistaggedVerb(t) || i > 0 && isMistaggedPastTense(tokens.get(i - 1), t)
          || i > 0 && isContractedVerb(tokens.get(i - 1), t) || isMistaggedPresentTense(tokens, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A past tense the tagger took for an adjective right after its subject ("Its shares fell 71
   * cents", "Intel Corp. unveiled Wednesday …", "the industrial average closed down 18.06",
   * "Durst, a millionaire, pleaded …": fell/JJ, unveiled/JJ, closed/JJ after average/JJ, pleaded/JJ
   * after an apposition's comma); after a determiner or adverb it is an adjective ("the closed
   * door", "a newly opened plant").
   */
  private static boolean isMistaggedPastTense(Token previous, Token token) {
    return token.pos().equals("JJ") && PennTags.of("VERB", token.text(), null).equals("VBD")
        && (previous.pos().startsWith("NN") || previous.pos().equals("PRP") || previous.pos().equals("JJ")
            || previous.text().equals(","));
  }

  /** "It's", "we're", "I'm", "that's": a contraction after a pronoun is a verb, never a possessive. */
  private static boolean isContractedVerb(Token previous, Token token) {
    return CONTRACTED_VERBS.contains(token.text().replace('’', '\''))
        && (previous.pos().equals("PRP") || SUBJECT_WORDS.contains(previous.text().toLowerCase(java.util.Locale.ROOT)));
  }

  private static final Set<String> CONTRACTED_VERBS = Set.of("'s", "'re", "'m", "'ve", "'ll", "'d");
  private static final Set<String> SUBJECT_WORDS = Set.of("that", "there", "here", "what", "who", "where");

  /**
   * A present tense the tagger took for a noun between its subject and its object: "The council
   * comprises 13 …", "The venture owns five …", "The lawsuit names Shelley …" (a plural noun after
   * a singular one, before a determiner, number, name, adjective or adverb; before a name not a
   * role, "screenwriters Elizabeth Hunter"), and "all women smoke.", "Germans account for …",
   * "heart attacks kill about …" (a singular noun after a plural one, before a preposition,
   * determiner, number, adverb or the end; before a name it is a title, "Rings director Peter
   * Jackson"). A caption's noun pairs ("FCC colleagues at the hearing", "Keanu Reeves and …") fail
   * the neighbour test.
   */
  private static boolean isMistaggedPresentTense(List<Token> tokens, int i) {
    if (i == 0 || i + 1 >= tokens.size()) {
      return false;
    }
    Token token = tokens.get(i);
    String word = token.text();
    if (word.isEmpty() || !Character.isLowerCase(word.charAt(0))) {
      return false;
    }
    Token previous = tokens.get(i - 1);
    String next = tokens.get(i + 1).pos();
    if (token.pos().equals("NNS")) {
      return word.endsWith("s") && !word.endsWith("ss")
          && (previous.pos().equals("NN") || previous.pos().equals("NNP") || previous.pos().equals("PRP"))
          && OBJECT_STARTS.contains(next) && !(next.equals("NNP") && word.endsWith("ers"));
    }
    return token.pos().equals("NN") && (previous.pos().equals("NNS") || previous.pos().equals("NNPS")
        || previous.pos().equals("NNP") && previous.text().endsWith("s"))
        && AFTER_PLURAL_SUBJECTS_VERB.contains(next);
  }

  private static final Set<String> OBJECT_STARTS = Set.of("DT", "CD", "PRP$", "NNP", "JJ", "RB");
  private static final Set<String> AFTER_PLURAL_SUBJECTS_VERB = Set.of("IN", ".", "DT", "CD", "PRP$", "RB");

  /**
   * An inflected verb the tagger took for a noun ("The index rose 16 points": rose/NN, lemma rise):
   * a singular noun whose lemma is another word.
   */
  private static boolean isMistaggedVerb(Token token) {
    return token.pos().equals("NN") && !token.lemma().equals(token.text().toLowerCase(java.util.Locale.ROOT));
  }

  private ClaimMention.Builder mention(Article article, String day, Sentence sentence, Source source,
      SpanGroup cue, SpanGroup content, boolean attributed, String claimKey, List<Token> contentTokens) {
    return ClaimMention.newBuilder()
        .setArticleId(article.getId())
        .setOutlet(article.getOutlet())
        .setPublishedAt(article.getPublishedAt())
        .setDay(day)
        .setSentence(new io.claimwatch.schemas.Span(sentence.span().start(), sentence.span().end()))
        .setSource(source)
        .setCue(cue)
        .setContent(content)
        .setAttributed(attributed)
        .setClaimKey(claimKey)
        .setClaimId(claimKey.isEmpty() ? "" : ClaimKeys.id(claimKey))
        .setLabels(watchlist.labels(contentTokens))
        .setRelayedFrom(null)
        .setSyndicationGroup(null);
  }

  private static SpanGroup group(AnalyzedText text, List<Span> spans) {
    return new SpanGroup(text.textOf(spans), toAvro(spans));
  }

  private static List<io.claimwatch.schemas.Span> toAvro(List<Span> spans) {
    List<io.claimwatch.schemas.Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      out.add(new io.claimwatch.schemas.Span(s.start(), s.end()));
    }
    return out;
  }

  private static void markAll(List<Span> spans, BitSet chars) {
    for (Span s : spans) {
      chars.set(s.start(), s.end());
    }
  }
}
