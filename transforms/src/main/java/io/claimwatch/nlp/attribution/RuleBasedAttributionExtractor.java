package io.claimwatch.nlp.attribution;

import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.Sentence;
import io.claimwatch.nlp.Span;
import io.claimwatch.nlp.Token;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Pattern rules for reported speech and thought: "X said (that) Y", "Y, X said", "“Y,” said X",
 * "according to X, Y", "it is noted that Y" (no source), quotes split by their cue and quotes
 * running over several sentences. Trailing attributions ("…, officials said") are found first so
 * that a leading attribution's content stops where they begin.
 */
public final class RuleBasedAttributionExtractor implements AttributionExtractor {
  private static final Set<String> AUXILIARIES = Set.of(
      "be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should",
      "must", "not", "never", "also", "reportedly");
  private static final Set<String> NOUN_PHRASE_TAGS = Set.of(
      "NNP", "NNPS", "NN", "NNS", "PRP", "DT", "JJ", "JJR", "JJS", "CD", "POS", "PRP$", "PDT");
  private static final Set<String> EVIDENCE_HEADS = Set.of(
      "poll", "survey", "study", "report", "data", "analysis", "document", "record", "figure",
      "number", "research", "interview", "investigation", "review", "audit", "email", "memo");
  private static final Set<String> EVIDENCE_VERBS = Set.of("show", "find", "indicate", "suggest", "reveal");
  /** A quote is followed into later sentences of its paragraph, but not further than this. */
  private static final int MAX_QUOTE_SENTENCES = 6;

  @Override
  public List<Attribution> extract(AnalyzedText text) {
    List<Token> tokens = text.tokens();
    BitSet claimedCueOrSource = new BitSet(tokens.size());
    List<Attribution> found = new ArrayList<>();
    for (Sentence sentence : text.sentences()) {
      List<int[]> trailing = new ArrayList<>();
      for (int i = sentence.firstToken(); i < sentence.endToken(); i++) {
        if (AccordingTo.startsAt(tokens, i, sentence.endToken())) {
          Attribution a = accordingTo(text, sentence, i, claimedCueOrSource);
          if (a != null) {
            found.add(a);
          }
          i++;
        } else if (isCueVerb(tokens, i)) {
          int[] roles = trailingAttribution(text, sentence, i);
          if (roles != null) {
            trailing.add(roles);
            claimedCueOrSource.set(roles[0], roles[1]);
            claimedCueOrSource.set(roles[2], roles[3]);
          }
        }
      }
      for (int[] roles : trailing) {
        Attribution a = trailingToAttribution(text, sentence, roles);
        if (a != null) {
          found.add(a);
        }
      }
      for (int i = sentence.firstToken(); i < sentence.endToken(); i++) {
        if (isCueVerb(tokens, i) && !claimedCueOrSource.get(i)) {
          Attribution a = leadingAttribution(text, sentence, i, claimedCueOrSource);
          if (a != null) {
            found.add(a);
            for (Span s : a.cue()) {
              markTokens(tokens, s, claimedCueOrSource);
            }
          }
        }
      }
    }
    found.sort(Comparator.comparing((Attribution a) -> a.cue().get(0)));
    return found;
  }

  private static boolean isCueVerb(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (CueLexicon.isReportingVerb(t.lemma(), t.pos())) {
      return true;
    }
    // The tagger reads some reporting verbs as plural nouns: "The NYT notes that …", "…, the paper writes."
    if (!t.pos().equals("NNS") || !CueLexicon.REPORTING_VERBS.contains(t.lemma()) || i == 0 || i + 1 >= tokens.size()) {
      return false;
    }
    String next = tokens.get(i + 1).text();
    return tokens.get(i - 1).pos().startsWith("NN")
        && (next.equalsIgnoreCase("that") || next.equals(".") || next.equals(",") || next.equals(":"));
  }

  /** "According to X, Y" and "Y, according to X". */
  private static Attribution accordingTo(AnalyzedText text, Sentence sentence, int i, BitSet claimed) {
    int[] roles = AccordingTo.roles(text.tokens(), sentence.firstToken(), sentence.endToken(), i);
    if (roles == null) {
      return null;
    }
    claimed.set(i, roles[1]);
    return new Attribution(text.spansOf(roles[0], roles[1]), text.spansOf(i, i + 2), text.spansOf(roles[2], roles[3]));
  }

  /**
   * "Y, X said." / "“Y,” said X." / "Y, the newspaper writes": the cue sits after the content,
   * with its source right before or after it. Returns {cueStart, cueEnd, sourceStart, sourceEnd,
   * contentBoundary} where the content ends just before contentBoundary, or null.
   */
  private int[] trailingAttribution(AnalyzedText text, Sentence sentence, int verb) {
    List<Token> tokens = text.tokens();
    int cueStart = auxiliaryStart(tokens, sentence.firstToken(), verb);
    int cueEnd = verb + 1;
    int before = nounPhraseStart(tokens, sentence.firstToken(), cueStart);
    if (before < cueStart && before > sentence.firstToken() && isContentBoundary(tokens.get(before - 1))
        && restIsTrailing(tokens, cueEnd, sentence.endToken())) {
      return new int[] {cueStart, cueEnd, before, cueStart, before - 1};
    }
    if (cueStart > sentence.firstToken() && isContentBoundary(tokens.get(cueStart - 1))) {
      int sourceEnd = nounPhraseEnd(tokens, cueEnd, sentence.endToken());
      if (sourceEnd > cueEnd && restIsTrailing(tokens, sourceEnd, sentence.endToken())) {
        return new int[] {cueStart, cueEnd, cueEnd, sourceEnd, cueStart - 1};
      }
    }
    return null;
  }

  /** The attribution of a trailing cue, or null when no content precedes it. */
  private Attribution trailingToAttribution(AnalyzedText text, Sentence sentence, int[] roles) {
    List<Token> tokens = text.tokens();
    int boundary = roles[4];
    // A closing quote belongs to the content: “Y,” said X.
    int contentEnd = isClosingQuote(tokens.get(boundary)) ? boundary + 1 : boundary;
    if (contentEnd > sentence.firstToken() && !isClosingQuote(tokens.get(contentEnd - 1))) {
      contentEnd = AccordingTo.trimEnd(tokens, sentence.firstToken(), contentEnd);
    }
    int contentStart = quoteStartBefore(text, sentence, contentEnd);
    List<Span> content = new ArrayList<>(text.spansOf(contentStart, contentEnd));
    // A quote split by its cue: “X,” she said, “Y.” — or continued in the next sentences.
    int afterSource = Math.max(roles[1], roles[3]);
    if (afterSource + 1 < sentence.endToken() && tokens.get(afterSource).text().equals(",")
        && isOpeningQuote(tokens.get(afterSource + 1))) {
      content.addAll(quotedRun(text, afterSource + 1));
    } else if (isClosingQuote(tokens.get(boundary))) {
      int next = sentence.endToken();
      if (next < tokens.size() && isOpeningQuote(tokens.get(next))
          && sameLine(text, sentence.span(), tokens.get(next).start())) {
        content.addAll(quotedRun(text, next));
      }
    }
    // Nothing left before the cue once its punctuation is trimmed ("? , said officials").
    return content.isEmpty() ? null : new Attribution(text.spansOf(roles[2], roles[3]), text.spansOf(roles[0], roles[1]), content);
  }

  /** "X said (that) Y", "X told reporters Y", "It is noted that Y" (no source). */
  private Attribution leadingAttribution(AnalyzedText text, Sentence sentence, int verb, BitSet claimed) {
    List<Token> tokens = text.tokens();
    int cueStart = auxiliaryStart(tokens, sentence.firstToken(), verb);
    int cueEnd = verb + 1;
    if (cueEnd < sentence.endToken() && tokens.get(cueEnd).pos().equals("RP")) {
      cueEnd++; // "pointed out"
    }
    int sourceStart = nounPhraseStart(tokens, sentence.firstToken(), cueStart);
    boolean impersonal = sourceStart == cueStart - 1
        && tokens.get(sourceStart).lemma().equals("it") && tokens.get(verb).pos().equals("VBN");
    if (sourceStart == cueStart && !impersonal) {
      return null;
    }
    if (EVIDENCE_VERBS.contains(tokens.get(verb).lemma())
        && !EVIDENCE_HEADS.contains(tokens.get(cueStart - 1).lemma())) {
      return null;
    }
    int contentStart = cueEnd;
    if (CueLexicon.OBJECT_VERBS.contains(tokens.get(verb).lemma())) {
      contentStart = nounPhraseEnd(tokens, contentStart, sentence.endToken());
    }
    while (contentStart < sentence.endToken() && isSkippableLead(tokens.get(contentStart))) {
      contentStart++;
    }
    int contentEnd = contentStart;
    while (contentEnd < sentence.endToken() && !claimed.get(contentEnd)) {
      contentEnd++;
    }
    contentEnd = AccordingTo.trimEnd(tokens, contentStart, contentEnd);
    if (contentEnd - contentStart < 3 || !hasVerbOrQuote(tokens, contentStart, contentEnd)) {
      return null;
    }
    if (isOpeningQuote(tokens.get(contentStart)) && !closesQuote(tokens, contentStart + 1, contentEnd)
        && contentEnd == AccordingTo.trimEnd(tokens, contentStart, sentence.endToken())) {
      contentEnd = quoteEnd(text, sentence);
    }
    List<Span> content = text.spansOf(contentStart, contentEnd);
    List<Span> source = impersonal ? List.of() : text.spansOf(sourceStart, cueStart);
    return new Attribution(source, text.spansOf(cueStart, cueEnd), content);
  }

  /** Auxiliaries and negation before a reporting verb belong to the cue: "did not announce". */
  private static int auxiliaryStart(List<Token> tokens, int sentenceStart, int verb) {
    int start = verb;
    while (start > sentenceStart && AUXILIARIES.contains(tokens.get(start - 1).lemma())) {
      start--;
    }
    return start;
  }

  private static int nounPhraseStart(List<Token> tokens, int sentenceStart, int end) {
    int start = end;
    while (start > sentenceStart) {
      Token t = tokens.get(start - 1);
      boolean ofInsideNp = t.lemma().equals("of") && start - 2 >= sentenceStart
          && tokens.get(start - 2).pos().startsWith("NN") && start < end;
      if (!NOUN_PHRASE_TAGS.contains(t.pos()) && !ofInsideNp) {
        break;
      }
      start--;
    }
    while (start < end && !hasNoun(tokens, start, end)) {
      start = end;
    }
    while (start < end && (tokens.get(start).lemma().equals("of") || tokens.get(start).pos().equals("POS"))) {
      start++;
    }
    return start;
  }

  private static int nounPhraseEnd(List<Token> tokens, int start, int sentenceEnd) {
    int end = start;
    while (end < sentenceEnd && NOUN_PHRASE_TAGS.contains(tokens.get(end).pos())) {
      end++;
    }
    return hasNoun(tokens, start, end) ? end : start;
  }

  private static boolean hasNoun(List<Token> tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      String pos = tokens.get(i).pos();
      if (pos.startsWith("NN") || pos.equals("PRP")) {
        return true;
      }
    }
    return false;
  }

  /** After a trailing cue and its source only punctuation, or a comma and more, may follow. */
  private static boolean restIsTrailing(List<Token> tokens, int from, int sentenceEnd) {
    return from >= sentenceEnd || tokens.get(from).isPunctuation();
  }

  private static boolean isContentBoundary(Token t) {
    return t.text().equals(",") || isClosingQuote(t);
  }

  private static boolean isSkippableLead(Token t) {
    return t.text().equals(",") || t.text().equals(":");
  }

  private static boolean isOpeningQuote(Token t) {
    return t.text().equals("“") || t.text().equals("\"") || t.text().equals("``");
  }

  private static boolean isClosingQuote(Token t) {
    return t.text().equals("”") || t.text().equals("\"") || t.text().equals("''");
  }

  private static boolean closesQuote(List<Token> tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isClosingQuote(tokens.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasVerbOrQuote(List<Token> tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      if (tokens.get(i).pos().startsWith("VB") || tokens.get(i).pos().equals("MD")
          || isOpeningQuote(tokens.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Where a quote that closes at {@code contentEnd} opened: this sentence or an earlier one. */
  private static int quoteStartBefore(AnalyzedText text, Sentence sentence, int contentEnd) {
    List<Token> tokens = text.tokens();
    if (!isClosingQuote(tokens.get(contentEnd - 1))) {
      return sentence.firstToken();
    }
    int earliest = Math.max(0, sentence.index() - MAX_QUOTE_SENTENCES);
    for (int s = sentence.index(); s >= earliest; s--) {
      Sentence candidate = text.sentences().get(s);
      if (!sameLine(text, candidate.span(), sentence.span().start())) {
        break;
      }
      int to = s == sentence.index() ? contentEnd - 1 : candidate.endToken();
      for (int i = to - 1; i >= candidate.firstToken(); i--) {
        if (isOpeningQuote(tokens.get(i)) && (i == candidate.firstToken() || !isClosingQuote(tokens.get(i)))) {
          return i;
        }
      }
    }
    return sentence.firstToken();
  }

  /** The quote opening at {@code open}, up to its closing mark, within its paragraph. */
  private static List<Span> quotedRun(AnalyzedText text, int open) {
    List<Token> tokens = text.tokens();
    Sentence first = text.sentenceOf(open);
    int lastSentence = Math.min(text.sentences().size() - 1, first.index() + MAX_QUOTE_SENTENCES);
    int end = open + 1;
    for (int s = first.index(); s <= lastSentence; s++) {
      Sentence sentence = text.sentences().get(s);
      if (!sameLine(text, first.span(), sentence.span().start())) {
        break;
      }
      for (int i = Math.max(open + 1, sentence.firstToken()); i < sentence.endToken(); i++) {
        end = i + 1;
        if (isClosingQuote(tokens.get(i)) && !isOpeningQuote(tokens.get(i))
            || tokens.get(i).text().equals("\"") && i > open + 1) {
          return text.spansOf(open, end);
        }
      }
    }
    return text.spansOf(open, end);
  }

  /**
   * The token end of a quote that {@code sentence} opened and left open: the sentence holding its
   * closing mark, or the paragraph's last sentence, at most {@link #MAX_QUOTE_SENTENCES} on.
   */
  private static int quoteEnd(AnalyzedText text, Sentence sentence) {
    List<Token> tokens = text.tokens();
    int lastSentence = Math.min(text.sentences().size() - 1, sentence.index() + MAX_QUOTE_SENTENCES);
    int end = sentence.endToken();
    for (int s = sentence.index() + 1; s <= lastSentence; s++) {
      Sentence next = text.sentences().get(s);
      if (!sameLine(text, sentence.span(), next.span().start())) {
        break;
      }
      end = next.endToken();
      if (closesQuote(tokens, next.firstToken(), next.endToken())) {
        break;
      }
    }
    return end;
  }

  private static boolean sameLine(AnalyzedText text, Span earlier, int laterStart) {
    String body = text.body();
    for (int i = Math.min(earlier.start(), laterStart); i < Math.max(earlier.start(), laterStart); i++) {
      if (body.charAt(i) == '\n') {
        return false;
      }
    }
    return true;
  }

  private static void markTokens(List<Token> tokens, Span span, BitSet marks) {
    for (int i = 0; i < tokens.size(); i++) {
      if (span.contains(tokens.get(i).span())) {
        marks.set(i);
      }
    }
  }
}
