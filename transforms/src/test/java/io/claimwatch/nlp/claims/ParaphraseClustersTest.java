package io.claimwatch.nlp.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every member of a cluster was verified against its representative, and each after the second against
 * half of those before it; a chain of pairs is not a cluster.
 */
class ParaphraseClustersTest {
  @Test
  void aKeyVerifiedAgainstTwoOthersRepresentsBoth() {
    ParaphraseClusters clusters = new ParaphraseClusters();
    clusters.addPair("putin open ceasefire", "putin ready truce");
    clusters.addPair("putin open ceasefire", "kremlin ready negotiate ceasefire");
    Map<String, String> representatives = clusters.representatives();
    assertEquals("putin open ceasefire", representatives.get("putin ready truce"));
    assertEquals("putin open ceasefire", representatives.get("kremlin ready negotiate ceasefire"));
    assertEquals("putin open ceasefire", representatives.get("putin open ceasefire"));
  }

  @Test
  void aKeyMatchingManyThatMatchNoOtherGathersNoMoreThanTwoOfThem() {
    ParaphraseClusters clusters = new ParaphraseClusters();
    // "hub" matches four keys that match nothing else; "p3" and "p4" also match each other.
    addPairs(clusters, "hub p1", "hub p2", "hub p3", "hub p4", "p3 p4");
    // p1 and p2 join (half of {hub} and of {hub, p1}); p3 matches one of {hub, p1, p2}: not half.
    // "p3" then founds a cluster of its own with "p4".
    assertEquals(Map.of("hub", "hub", "p1", "hub", "p2", "hub", "p3", "p3", "p4", "p3"), clusters.representatives());
  }

  @Test
  void aLaterKeyMatchingHalfTheClusterJoins() {
    ParaphraseClusters clusters = new ParaphraseClusters();
    addPairs(clusters, "a b", "a c", "a d", "b d");
    // "d" matches "a" and "b" of {a, b, c}: two of three.
    assertEquals(Map.of("a", "a", "b", "a", "c", "a", "d", "a"), clusters.representatives());
  }

  @Test
  void atTwoThirdsAThirdKeyMustMatchBothTheFounderAndTheSecond() {
    // "b", "c" and "d" each match "a" (news: claims of one story matching a fourth on its words);
    // only "d" also matches "b".
    ParaphraseClusters half = new ParaphraseClusters();
    ParaphraseClusters twoThirds = new ParaphraseClusters(0.67);
    for (ParaphraseClusters clusters : List.of(half, twoThirds)) {
      addPairs(clusters, "a b", "a c", "a d", "b d");
    }
    // Half: "b" and "c" join on "a" alone; "d" matches two of {a, b, c}.
    assertEquals(Map.of("a", "a", "b", "a", "c", "a", "d", "a"), half.representatives());
    // Two thirds: "c" matches one of {a, b} and stays apart; "d" matches both of {a, b}.
    assertEquals(Map.of("a", "a", "b", "a", "d", "a"), twoThirds.representatives());
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ParaphraseClusters(0));
    assertThrows(IllegalArgumentException.class, () -> new ParaphraseClusters(1.5));
    assertThrows(IllegalArgumentException.class, () -> new ParaphraseClusters(Double.NaN));
  }

  @Test
  void aChainDoesNotJoinItsEnds() {
    ParaphraseClusters clusters = new ParaphraseClusters();
    // a ~ b ~ c ~ d, each only with its neighbours: connected components would make one claim of four.
    addPairs(clusters, "a b", "b c", "c d");
    // "b" and "c" have two partners each; "b" comes first and takes "a" and "c", "d" stays alone.
    assertEquals(Map.of("a", "b", "b", "b", "c", "b"), clusters.representatives());
  }

  @Test
  void sentencePairsJoinButDoNotRankAndOrderDoesNotMatter() {
    List<String[]> pairs = List.of(new String[] {"x", "y"}, new String[] {"y", "z"}, new String[] {"clinton", "x"},
        new String[] {"clinton", "y"}, new String[] {"clinton", "z"});
    ParaphraseClusters forward = new ParaphraseClusters();
    ParaphraseClusters backward = new ParaphraseClusters();
    for (int i = 0; i < pairs.size(); i++) {
      String[] pair = pairs.get(i);
      String[] reversed = pairs.get(pairs.size() - 1 - i);
      add(forward, pair);
      add(backward, new String[] {reversed[1], reversed[0]});
    }
    // "y" has two direct partners, "clinton" none (its three came through sentences): "y" leads.
    assertEquals("y", forward.representatives().get("x"));
    assertEquals("y", forward.representatives().get("clinton"));
    assertEquals(forward.representatives(), backward.representatives());
  }

  @Test
  void aPairFoundBothWaysRanksItsKeysWhicheverComesFirst() {
    ParaphraseClusters sentenceFirst = new ParaphraseClusters();
    sentenceFirst.addSentencePair("b", "c");
    addPairs(sentenceFirst, "b c", "c d", "a d");
    ParaphraseClusters directFirst = new ParaphraseClusters();
    addPairs(directFirst, "c b");
    directFirst.addSentencePair("c", "b");
    addPairs(directFirst, "d c", "d a");
    // "c" and "d" have two direct partners each, "c" first: it takes "b" and "d"; "a" stays alone
    // (had the sentence pair hidden "b" from "c"'s count, "d" would have led and taken "a" and "c").
    assertEquals(Map.of("b", "c", "c", "c", "d", "c"), sentenceFirst.representatives());
    assertEquals(sentenceFirst.representatives(), directFirst.representatives());
  }

  /** Adds verified pairs written "a b". */
  private static void addPairs(ParaphraseClusters clusters, String... pairs) {
    for (String pair : pairs) {
      String[] keys = pair.split(" ");
      clusters.addPair(keys[0], keys[1]);
    }
  }

  private static void add(ParaphraseClusters clusters, String[] pair) {
    if (pair[0].equals("clinton") || pair[1].equals("clinton")) {
      clusters.addSentencePair(pair[0], pair[1]);
    } else {
      clusters.addPair(pair[0], pair[1]);
    }
  }
}
