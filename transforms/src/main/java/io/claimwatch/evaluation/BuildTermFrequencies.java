package io.claimwatch.evaluation;

import io.claimwatch.nlp.ClaimKeys;
import io.claimwatch.nlp.TextAnalyzer;
import io.claimwatch.nlp.claims.ClaimSignature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the document-frequency table behind {@link io.claimwatch.nlp.claims.TermWeights}: in how
 * many articles of a corpus each claim-signature term occurs. Terms seen in one article only are
 * left out (the table treats missing terms as that rare anyway).
 *
 * <pre>BuildTermFrequencies --articles=../shared/data/polnear/train/articles.jsonl --out=FILE.tsv.gz</pre>
 */
public final class BuildTermFrequencies {
  private BuildTermFrequencies() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = EvaluateAttributions.options(args);
    List<PolnearData.Article> articles = PolnearData.readArticles(Path.of(options.get("articles")));
    TextAnalyzer analyzer = new TextAnalyzer(2000);
    Map<String, Integer> frequencies = new TreeMap<>();
    for (PolnearData.Article article : articles) {
      String key = ClaimKeys.key(analyzer.analyze(article.body()).tokens());
      for (String term : ClaimSignature.of(key).terms()) {
        frequencies.merge(term, 1, Integer::sum);
      }
    }
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(Path.of(options.get("out")))),
        StandardCharsets.UTF_8)) {
      out.write(articles.size() + "\n");
      for (Map.Entry<String, Integer> term : frequencies.entrySet()) {
        if (term.getValue() > 1) {
          out.write(term.getKey() + '\t' + term.getValue() + '\n');
        }
      }
    }
    System.out.println(articles.size() + " articles, " + frequencies.size() + " terms");
  }
}
