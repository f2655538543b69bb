package io.claimwatch.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;

/**
 * Cleans a body, splits it into sentences (never across a line break: scraped bodies put headings
 * and paragraphs on their own lines), tokenizes and POS-tags it with OpenNLP's English models
 * (words kept whole: {@link NlpModels#wordKeepingTokens}; each word's cuts remembered: {@link
 * CachingTokenizer}; tags decoded greedily: {@link GreedyPosTagger}; universal tags refined to Penn
 * tags by {@link PennTags}).
 * Not thread-safe (OpenNLP's ME classes are not): make one per thread or DoFn instance.
 */
public final class TextAnalyzer {
  private final ScraperCleaner cleaner = new ScraperCleaner();
  private final SentenceDetectorME sentenceDetector = new SentenceDetectorME(NlpModels.sentences());
  private final CachingTokenizer tokenizer = new CachingTokenizer(NlpModels.wordKeepingTokens());
  private final GreedyPosTagger tagger = new GreedyPosTagger(NlpModels.pos());
  private final int maxSentenceChars;

  /** @param maxSentenceChars longer sentences (run-on text with no punctuation) are cut at spaces. */
  public TextAnalyzer(int maxSentenceChars) {
    if (maxSentenceChars < 16) {
      throw new IllegalArgumentException("maxSentenceChars must be at least 16");
    }
    this.maxSentenceChars = maxSentenceChars;
  }

  public AnalyzedText analyze(String body) {
    return analyze(cleaner.clean(body));
  }

  /** Analyzes an already cleaned body. */
  public AnalyzedText analyze(CleanedText cleaned) {
    String text = cleaned.cleaned();
    List<Sentence> sentences = new ArrayList<>();
    List<Token> tokens = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      if (lineEnd > lineStart) {
        String line = text.substring(lineStart, lineEnd);
        for (int[] s : joinAbbreviationSplits(line, sentenceDetector.sentPosDetect(line))) {
          for (int[] piece : cutLongSentence(line, s[0], s[1])) {
            addSentence(cleaned, line, lineStart, piece[0], piece[1], sentences, tokens);
          }
        }
      }
      lineStart = lineEnd + 1;
    }
    return new AnalyzedText(cleaned, sentences, tokens);
  }

  /** Abbreviations that do not end a sentence whatever follows: titles and the like ("Sen. Kerry", "St. Joseph"). */
  private static final Set<String> TITLES = Set.of("mr.", "mrs.", "ms.", "dr.", "gov.", "sen.",
      "sens.", "rep.", "reps.", "rev.", "lt.", "sgt.", "gen.", "gens.", "capt.", "col.", "brig.", "maj.", "cmdr.",
      "adm.", "cpl.", "pvt.", "prof.", "st.", "mt.", "ft.", "no.", "nos.", "v.", "vs.");

  /**
   * Sentence boundaries the detector put after an abbreviation, undone: after a title or a single
   * initial ("Gov. Gray Davis", "George H. W. Bush"), or before a word that cannot start a sentence
   * (lower case, a digit, punctuation: "Inc. said", "Aug. 16", "2:05 p.m. (7:05 p.m.)"), or before
   * a ticker after a company ("Corp. T.N"), or after a comma ("Corp., the"), or
   * after no punctuation at all (a decimal point taken for a period: "$1.45 | billion").
   * The detector split 408 of the 7,824 MSRP sentences so, cutting their claims in two.
   */
  static List<int[]> joinAbbreviationSplits(String line, opennlp.tools.util.Span[] detected) {
    List<int[]> sentences = new ArrayList<>(detected.length);
    for (opennlp.tools.util.Span s : detected) {
      int[] previous = sentences.isEmpty() ? null : sentences.get(sentences.size() - 1);
      if (previous != null && continuesAfterAbbreviation(line.substring(previous[0], previous[1]), line, s)) {
        previous[1] = s.getEnd();
      } else {
        sentences.add(new int[] {s.getStart(), s.getEnd()});
      }
    }
    return sentences;
  }

  /** A Reuters ticker after a company's name ("PepsiCo Inc. PEP.N"), not "U.S." starting a sentence. */
  private static final Pattern TICKER = Pattern.compile("[A-Z0-9&]{1,6}\\.[A-Z]{1,2}(?![.\\w])");
  private static final Set<String> COMPANY_SUFFIXES = Set.of("inc.", "corp.", "co.", "ltd.", "plc.");

  /** Whether {@code next}, a sentence of {@code line}, continues {@code sentence}, the one before it. */
  private static boolean continuesAfterAbbreviation(String sentence, String line, opennlp.tools.util.Span next) {
    char first = line.charAt(next.getStart());
    // The detector takes the period inside a decimal for a sentence end ("rose to $1.45 | billion").
    char last = sentence.charAt(sentence.length() - 1);
    if (last == ',' || Character.isLetterOrDigit(last)) {
      return true;
    }
    if (!sentence.endsWith(".")) {
      return false;
    }
    String lastWord = sentence.substring(sentence.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    boolean initial = lastWord.length() == 2 && Character.isLetter(lastWord.charAt(0));
    // A title keeps its place after a prefix: "then-Gov. Walter J. Hickel".
    String title = lastWord.substring(lastWord.lastIndexOf('-') + 1);
    return initial || TITLES.contains(title) || Character.isLowerCase(first) || Character.isDigit(first)
        || ",;:)%(".indexOf(first) >= 0
        || COMPANY_SUFFIXES.contains(lastWord) && TICKER.matcher(line).region(next.getStart(), next.getEnd()).lookingAt();
  }

  private List<int[]> cutLongSentence(String line, int start, int end) {
    List<int[]> pieces = new ArrayList<>();
    while (end - start > maxSentenceChars) {
      int cut = line.lastIndexOf(' ', start + maxSentenceChars);
      if (cut <= start) {
        cut = start + maxSentenceChars;
        if (Character.isLowSurrogate(line.charAt(cut))) {
          cut--;
        }
      }
      pieces.add(new int[] {start, cut});
      start = cut;
    }
    pieces.add(new int[] {start, end});
    return pieces;
  }

  /** A clitic the tokenizer left on its word: "n't", "'s", "'re", "'ve", "'ll", "'d", "'m" (either apostrophe). */
  private static final Pattern CLITIC =
      Pattern.compile("(?i)\\p{L}(n['’]t|['’](s|re|ve|ll|d|m))$");

  /**
   * Tokens as the tagger and claim keys need them, which OpenNLP's English tokenizer model does not
   * give: clitics split off ("don't" → "do" "n't", "Viacom's" → "Viacom" "'s"; a fused "won't" would
   * lose its negation), a number it cut joined again ("8" ",829", "9011.5" "3."), and the sentence's
   * period split off its last word or number ("AIDS." → "AIDS" ".", "9011.53." → "9011.53" ".";
   * abbreviations keep theirs: "Inc.", "U.S.").
   */
  static List<opennlp.tools.util.Span> repairTokens(String sentence, opennlp.tools.util.Span[] tokens) {
    List<opennlp.tools.util.Span> repaired = new ArrayList<>(tokens.length + 4);
    for (opennlp.tools.util.Span token : tokens) {
      String text = token.getCoveredText(sentence).toString();
      opennlp.tools.util.Span previous = repaired.isEmpty() ? null : repaired.get(repaired.size() - 1);
      if (previous != null && previous.getEnd() == token.getStart()
          && (isThousandsGroup(text) || Character.isDigit(text.charAt(0)))
          && Character.isDigit(sentence.charAt(previous.getEnd() - 1))) {
        repaired.set(repaired.size() - 1, new opennlp.tools.util.Span(previous.getStart(), token.getEnd()));
        continue;
      }
      Matcher clitic = text.indexOf('\'') < 0 && text.indexOf('’') < 0 ? null : CLITIC.matcher(text);
      if (clitic != null && clitic.find()) {
        int cut = token.getStart() + clitic.start(1);
        repaired.add(new opennlp.tools.util.Span(token.getStart(), cut));
        repaired.add(new opennlp.tools.util.Span(cut, token.getEnd()));
      } else {
        repaired.add(token);
      }
    }
    splitFinalPeriod(sentence, repaired);
    return repaired;
  }

  /** Abbreviations that end a sentence with their own period ("… made by Hynix Semiconductor Inc."). */
  private static final Set<String> FINAL_ABBREVIATIONS = Set.of("inc.", "corp.", "co.", "ltd.", "jr.", "sr.", "bros.", "plc.", "st.", "etc.");
  private static final Pattern WORD_OR_NUMBER_WITH_PERIOD = Pattern.compile("(\\p{L}{2,}|\\d[\\d.,]*\\d|\\d)\\.");

  private static void splitFinalPeriod(String sentence, List<opennlp.tools.util.Span> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    opennlp.tools.util.Span last = tokens.get(tokens.size() - 1);
    String text = last.getCoveredText(sentence).toString();
    if (WORD_OR_NUMBER_WITH_PERIOD.matcher(text).matches() && !FINAL_ABBREVIATIONS.contains(text.toLowerCase(Locale.ROOT))) {
      tokens.set(tokens.size() - 1, new opennlp.tools.util.Span(last.getStart(), last.getEnd() - 1));
      tokens.add(new opennlp.tools.util.Span(last.getEnd() - 1, last.getEnd()));
    }
  }

  /** ",829" of "8,829": a comma and three digits, then no further digit. */
  private static boolean isThousandsGroup(String text) {
    if (text.length() < 4 || text.charAt(0) != ',') {
      return false;
    }
    for (int i = 1; i < 4; i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return text.length() == 4 || !Character.isDigit(text.charAt(4));
  }

  private void addSentence(CleanedText cleaned, String line, int lineOffset, int start, int end,
      List<Sentence> sentences, List<Token> tokens) {
    String sentenceText = line.substring(start, end);
    List<opennlp.tools.util.Span> tokenSpans = repairTokens(sentenceText, tokenizer.tokenizePos(sentenceText));
    if (tokenSpans.isEmpty()) {
      return;
    }
    String[] words = new String[tokenSpans.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = tokenSpans.get(i).getCoveredText(sentenceText).toString();
    }
    String[] tags = tagger.tag(words);
    int firstToken = tokens.size();
    int base = lineOffset + start;
    for (int i = 0; i < words.length; i++) {
      int tokenStart = cleaned.toOriginal(base + tokenSpans.get(i).getStart());
      int tokenEnd = cleaned.toOriginalEnd(base + tokenSpans.get(i).getEnd());
      String previous = i == 0 ? null : words[i - 1].toLowerCase(Locale.ROOT);
      String pos = PennTags.of(tags[i], words[i], previous);
      tokens.add(new Token(words[i], tokenStart, tokenEnd, pos, CheapLemmatizer.lemma(words[i], pos)));
    }
    Span span = new Span(tokens.get(firstToken).start(), tokens.get(tokens.size() - 1).end());
    sentences.add(new Sentence(sentences.size(), span, firstToken, tokens.size()));
  }
}
