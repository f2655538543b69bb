package io.claimwatch.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Claim identity on news, against hand-labelled pairs of claims from a run on PolNeAR train: which
 * pairs stating one claim does a run join, and which pairs of two claims? MSRP scores only pairs
 * picked for their overlap; on news, blocking proposes a story's different claims, and only reading
 * them shows which joins are wrong. The shipped pairs ({@code news-claim-pairs.tsv}, at 121b0a5)
 * come in two groups, each drawn uniformly: "shared-id", 120 of the pairs of distinct claim keys
 * that shared an id (seeds 41 and 77), and "near-miss", 40 of the candidate pairs the matcher
 * scored from 0.30 up to its threshold, vetoes passed, not sharing an id (seed 3). Each is labelled
 * "one" when one claim states what the other does, detail added or not, else "two". A side is a
 * mention's article and content text, so a run whose extractor cuts that content differently reports
 * the pair as not found.
 *
 * <pre>NewsClaimPairsEvaluation --mentions=DIR [--pairs=FILE]</pre>
 */
public final class NewsClaimPairsEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHIPPED_PAIRS = "/io/claimwatch/evaluation/news-claim-pairs.tsv";

  private NewsClaimPairsEvaluation() {}

  /** A labelled pair of the group it was drawn from: each side an article id and the content text of a mention in it. */
  record LabelledPair(boolean oneClaim, String group, String articleA, String contentA, String articleB, String contentB) {}

  /** Tallies of a run against one group of labelled pairs. */
  record Figures(int pairs, int found, int oneClaimFound, int oneClaimJoined, int twoClaimsFound, int twoClaimsJoined) {
    /** Of the found pairs the run joins, the share that state one claim. */
    double precision() {
      int joined = oneClaimJoined + twoClaimsJoined;
      return joined == 0 ? 0 : 100.0 * oneClaimJoined / joined;
    }

    String describe(String group) {
      return String.format("%s: labelled pairs %d, both sides found %d%n"
              + "  one claim:  %d found, %d share an id (%d apart)%n"
              + "  two claims: %d found, %d share an id (%d apart)%n"
              + "  of the found pairs sharing an id, one claim: %s",
          group, pairs, found, oneClaimFound, oneClaimJoined, oneClaimFound - oneClaimJoined, twoClaimsFound,
          twoClaimsJoined, twoClaimsFound - twoClaimsJoined,
          oneClaimJoined + twoClaimsJoined == 0 ? "none share one" : String.format("%.1f%%", precision()));
    }
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = EvaluateAttributions.options(args);
    String mentions = options.get("mentions");
    if (mentions == null) {
      throw new IllegalArgumentException("usage: --mentions=DIR [--pairs=FILE]");
    }
    List<LabelledPair> pairs = options.containsKey("pairs")
        ? parsePairs(Files.readAllLines(Path.of(options.get("pairs"))))
        : shippedPairs();
    score(pairs, claimsByContent(Path.of(mentions))).forEach((group, figures) -> System.out.println(figures.describe(group)));
  }

  static List<LabelledPair> shippedPairs() throws IOException {
    try (InputStream in = NewsClaimPairsEvaluation.class.getResourceAsStream(SHIPPED_PAIRS)) {
      return parsePairs(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    }
  }

  static List<LabelledPair> parsePairs(List<String> lines) {
    List<LabelledPair> pairs = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 6 || !(f[0].equals("one") || f[0].equals("two"))) {
        throw new IllegalArgumentException("not a labelled pair (one|two, group, articleA, contentA, articleB, contentB): " + line);
      }
      pairs.add(new LabelledPair(f[0].equals("one"), f[1], f[2], f[3], f[4], f[5]));
    }
    return pairs;
  }

  /** Claim ids by article id and content text, over the mentions' JSON Lines files. */
  static Map<String, Set<String>> claimsByContent(Path mentions) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(mentions)) {
      files = list.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
    }
    Map<String, Set<String>> claims = new HashMap<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        JsonNode m = JSON.readTree(line);
        String claimId = m.get("claimId").asText();
        if (!claimId.isEmpty()) {
          claims.computeIfAbsent(side(m.get("articleId").asText(), m.get("content").get("text").asText()), k -> new HashSet<>())
              .add(claimId);
        }
      }
    }
    return claims;
  }

  /** Figures by group, in the order the groups first appear. */
  static Map<String, Figures> score(List<LabelledPair> pairs, Map<String, Set<String>> claims) {
    Map<String, int[]> tallies = new LinkedHashMap<>();
    for (LabelledPair pair : pairs) {
      // pairs, found, one claim found, one claim joined, two claims found, two claims joined
      int[] tally = tallies.computeIfAbsent(pair.group(), g -> new int[6]);
      tally[0]++;
      Set<String> a = claims.get(side(pair.articleA(), pair.contentA()));
      Set<String> b = claims.get(side(pair.articleB(), pair.contentB()));
      if (a == null || b == null) {
        continue;
      }
      tally[1]++;
      int offset = pair.oneClaim() ? 2 : 4;
      tally[offset]++;
      tally[offset + 1] += a.stream().anyMatch(b::contains) ? 1 : 0;
    }
    Map<String, Figures> figures = new LinkedHashMap<>();
    tallies.forEach((group, t) -> figures.put(group, new Figures(t[0], t[1], t[2], t[3], t[4], t[5])));
    return figures;
  }

  private static String side(String articleId, String content) {
    return articleId + "\n" + content;
  }
}
