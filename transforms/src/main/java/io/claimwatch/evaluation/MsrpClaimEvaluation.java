package io.claimwatch.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Claim identity measured on the MSR Paraphrase Corpus: every sentence becomes an article of its own
 * outlet, all on one day; after a pipeline run, a pair counts as "same" when the two sentences'
 * mentions share a claimId. {@code prepare} writes the articles; {@code score} compares with the
 * human labels, separately for the tuning part (the first 70% of pairs, which the matcher was fitted
 * on) and the held-out rest.
 *
 * <pre>
 *   MsrpClaimEvaluation prepare --msrp=FILE --articles=OUT.jsonl
 *   MsrpClaimEvaluation score --msrp=FILE --mentions=DIR
 * </pre>
 */
public final class MsrpClaimEvaluation {
  static final double TUNING_FRACTION = 0.7;
  private static final ObjectMapper JSON = new ObjectMapper();

  private MsrpClaimEvaluation() {}

  record Pair(boolean paraphrase, String idA, String idB, String textA, String textB) {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = EvaluateAttributions.options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
    List<Pair> pairs = readPairs(Path.of(options.get("msrp")));
    if (args.length > 0 && args[0].equals("prepare")) {
      prepare(pairs, Path.of(options.get("articles")));
    } else if (args.length > 0 && args[0].equals("score")) {
      Map<String, Set<String>> claims = claimsBySentence(Path.of(options.get("mentions")));
      int cut = (int) (pairs.size() * TUNING_FRACTION);
      System.out.println(report("tuning (first 70%)", pairs.subList(0, cut), claims));
      System.out.println(report("held out (last 30%)", pairs.subList(cut, pairs.size()), claims));
      System.out.println(report("all", pairs, claims));
    } else {
      throw new IllegalArgumentException("usage: prepare --msrp=FILE --articles=OUT | score --msrp=FILE --mentions=DIR");
    }
  }

  static List<Pair> readPairs(Path file) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length == 5) {
        pairs.add(new Pair(f[0].equals("1"), sentenceId(f[1], f[3]), sentenceId(f[2], f[4]), f[3], f[4]));
      }
    }
    return pairs;
  }

  /**
   * A sentence's id: its MSRP id, and its text's hash, since the file ends with four pairs of other
   * sentences that all have the id -1.
   */
  static String sentenceId(String msrpId, String text) {
    return msrpId + "-" + Integer.toHexString(text.hashCode());
  }

  static void prepare(List<Pair> pairs, Path articles) throws IOException {
    Set<String> written = new HashSet<>();
    try (BufferedWriter out = Files.newBufferedWriter(articles)) {
      for (Pair p : pairs) {
        for (String[] sentence : List.of(new String[] {p.idA(), p.textA()}, new String[] {p.idB(), p.textB()})) {
          if (written.add(sentence[0])) {
            ObjectNode article = JSON.createObjectNode();
            article.put("id", "msrp-" + sentence[0]);
            article.put("outlet", "outlet-" + sentence[0]);
            article.put("publishedAt", "2004-01-01T12:00:00Z");
            article.put("body", sentence[1]);
            out.write(JSON.writeValueAsString(article));
            out.newLine();
          }
        }
      }
    }
  }

  static Map<String, Set<String>> claimsBySentence(Path mentions) throws IOException {
    Map<String, Set<String>> claims = new HashMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(mentions)) {
      files = list.filter(f -> f.toString().endsWith(".jsonl")).toList();
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        JsonNode m = JSON.readTree(line);
        // A content without content words has an empty claimId: no claim identity, not a shared claim.
        if (!m.get("claimId").asText().isEmpty()) {
          claims.computeIfAbsent(m.get("articleId").asText().substring("msrp-".length()), k -> new HashSet<>())
              .add(m.get("claimId").asText());
        }
      }
    }
    return claims;
  }

  static String report(String name, List<Pair> pairs, Map<String, Set<String>> claims) {
    int tp = 0;
    int fp = 0;
    int tn = 0;
    int fn = 0;
    int bothSides = 0;
    for (Pair p : pairs) {
      Set<String> a = claims.getOrDefault(p.idA(), Set.of());
      Set<String> b = claims.getOrDefault(p.idB(), Set.of());
      if (!a.isEmpty() && !b.isEmpty()) {
        bothSides++;
      }
      boolean same = a.stream().anyMatch(b::contains);
      if (same && p.paraphrase()) {
        tp++;
      } else if (same) {
        fp++;
      } else if (p.paraphrase()) {
        fn++;
      } else {
        tn++;
      }
    }
    return String.format("%-20s pairs %4d  with mentions on both sides %4d  accuracy %.1f  precision %.1f  recall %.1f",
        name, pairs.size(), bothSides, 100.0 * (tp + tn) / pairs.size(), 100.0 * tp / Math.max(1, tp + fp),
        100.0 * tp / Math.max(1, tp + fn));
  }
}
