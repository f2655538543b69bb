package io.claimwatch.nlp;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;

/**
 * Cleans a body, splits it into sentences (never across a line break: scraped bodies put headings
 * and paragraphs on their own lines), tokenizes and POS-tags it with OpenNLP's English models
 * (universal tags refined to Penn tags by {@link PennTags}).
 * Not thread-safe (OpenNLP's ME classes are not): make one per thread or DoFn instance.
 */
public final class TextAnalyzer {
  private final ScraperCleaner cleaner = new ScraperCleaner();
  private final SentenceDetectorME sentenceDetector = new SentenceDetectorME(NlpModels.sentences());
  private final TokenizerME tokenizer = new TokenizerME(NlpModels.tokens());
  private final POSTaggerME tagger = new POSTaggerME(NlpModels.pos(), POSTagFormat.UD);
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
        for (opennlp.tools.util.Span s : sentenceDetector.sentPosDetect(line)) {
          for (int[] piece : cutLongSentence(line, s.getStart(), s.getEnd())) {
            addSentence(cleaned, line, lineStart, piece[0], piece[1], sentences, tokens);
          }
        }
      }
      lineStart = lineEnd + 1;
    }
    return new AnalyzedText(cleaned, sentences, tokens);
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

  private void addSentence(CleanedText cleaned, String line, int lineOffset, int start, int end,
      List<Sentence> sentences, List<Token> tokens) {
    String sentenceText = line.substring(start, end);
    opennlp.tools.util.Span[] tokenSpans = tokenizer.tokenizePos(sentenceText);
    if (tokenSpans.length == 0) {
      return;
    }
    String[] words = new String[tokenSpans.length];
    for (int i = 0; i < tokenSpans.length; i++) {
      words[i] = tokenSpans[i].getCoveredText(sentenceText).toString();
    }
    String[] tags = tagger.tag(words);
    int firstToken = tokens.size();
    int base = lineOffset + start;
    for (int i = 0; i < words.length; i++) {
      int tokenStart = cleaned.toOriginal(base + tokenSpans[i].getStart());
      int tokenEnd = cleaned.toOriginalEnd(base + tokenSpans[i].getEnd());
      String previous = i == 0 ? null : words[i - 1].toLowerCase(java.util.Locale.ROOT);
      String pos = PennTags.of(tags[i], words[i], previous);
      tokens.add(new Token(words[i], tokenStart, tokenEnd, pos, CheapLemmatizer.lemma(words[i], pos)));
    }
    Span span = new Span(tokens.get(firstToken).start(), tokens.get(tokens.size() - 1).end());
    sentences.add(new Sentence(sentences.size(), span, firstToken, tokens.size()));
  }
}
