package io.claimwatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every MSRP sentence is an article of its own, and a pair is "same" when its sentences share a claimId. */
class MsrpClaimEvaluationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sentencesThatShareAnIdButNotTheirTextAreArticlesOfTheirOwn(@TempDir Path dir) throws IOException {
    // The shape of msr_paraphrase_train.txt: a header, then pairs; the file ends with pairs whose ids are all -1.
    Path msrp = dir.resolve("msrp.txt");
    Files.writeString(msrp, String.join("\n",
        "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String",
        "1\t702876\t702977\tAmrozi accused his brother of distorting his evidence.\tAmrozi accused his brother of deliberately distorting his evidence.",
        "0\t-1\t-1\tI like green apples.\tI don't like green apples.",
        "1\t-1\t-1\tI go running in the park daily.\tI go running in the park every day.") + "\n");
    List<MsrpClaimEvaluation.Pair> pairs = MsrpClaimEvaluation.readPairs(msrp);
    Path articles = dir.resolve("articles.jsonl");
    MsrpClaimEvaluation.prepare(pairs, articles);

    Map<String, String> bodies = Files.readAllLines(articles).stream().map(MsrpClaimEvaluationTest::tree)
        .collect(Collectors.toMap(a -> a.get("id"), a -> a.get("body")));
    assertEquals(6, bodies.size(), "six distinct sentences, four of them with the id -1");
    assertEquals("I go running in the park every day.", bodies.get("msrp-" + pairs.get(2).idB()));

    // Mentions as the pipeline writes them: the first pair and the last share a claim, the second does not.
    Path mentions = Files.createDirectories(dir.resolve("mentions"));
    Files.write(mentions.resolve("mentions-00000-of-00001.jsonl"), List.of(
        mention(pairs.get(0).idA(), "c1"), mention(pairs.get(0).idB(), "c1"),
        mention(pairs.get(1).idA(), "c2"), mention(pairs.get(1).idB(), "c3"),
        mention(pairs.get(2).idA(), "c4"), mention(pairs.get(2).idB(), "c4"), mention(pairs.get(2).idB(), "")));
    Map<String, Set<String>> claims = MsrpClaimEvaluation.claimsBySentence(mentions);
    assertEquals(Set.of("c4"), claims.get(pairs.get(2).idB()), "an empty claimId is no claim");
    String all = MsrpClaimEvaluation.report("all", pairs, claims);
    assertTrue(all.contains("pairs    3  with mentions on both sides    3  accuracy 100.0  precision 100.0  recall 100.0"), all);
  }

  private static String mention(String sentenceId, String claimId) {
    return "{\"articleId\":\"msrp-" + sentenceId + "\",\"claimId\":\"" + claimId + "\"}";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> tree(String line) {
    try {
      return JSON.readValue(line, Map.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
