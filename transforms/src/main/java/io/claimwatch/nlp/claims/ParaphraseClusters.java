package io.claimwatch.nlp.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Clusters of claim keys in which every member was verified the same claim as its cluster's
 * representative (clusters of radius one). Keys are taken in order of how many keys they were
 * verified against directly (most first, then key order); a key not yet in a cluster founds one and
 * takes its partners not yet in a cluster, in key order, each if it was verified against at least
 * a share of the members taken so far, the founder included (half by default): a key that matches
 * many others on a story's common words ("party support clinton november defeat republican nominee
 * donald trump") would otherwise gather claims that match only it. On the 10k-article news corpus that rule cut the
 * key pairs sharing an id from 5,031 to 3,103 (16 of 16 drawn pairs it parted were two claims; of
 * 16 drawn of the 423 pairs it newly joined, 2 were one claim; of 30 drawn from all, 13 were one
 * claim, 2 of 30 before). The result depends only on the set of pairs, not on their order.
 *
 * <p>Connected components chain instead: on a 10k-article corpus of PolNeAR train the verified
 * pairs joined 14,487 of 26,122 claim keys into one component (56% of the mentions), because a
 * matcher that is right four times in five on MSRP's hand-picked pairs still accepts some of the
 * millions of pairs that blocking proposes, and each pair merged two whole components. Here a wrong
 * pair moves one key at most. Pairs found through sentences (a sentence standing for the claims
 * stated in it) join clusters but do not rank their keys: a short claim ("clinton") is stated in
 * many sentences that match others.
 */
public final class ParaphraseClusters {
  private static final TreeSet<String> NONE = new TreeSet<>();
  /** The default share: the second and third keys always join, later ones must also match another member. */
  public static final double DEFAULT_SUPPORT = 0.5;
  private final double support;
  private final Map<String, TreeSet<String>> partners = new HashMap<>();
  private final Map<String, TreeSet<String>> directPartners = new HashMap<>();

  public ParaphraseClusters() {
    this(DEFAULT_SUPPORT);
  }

  /**
   * @param support the share of a cluster's members so far (in (0, 1]) a key must have been verified
   *     against to join it; at 2/3 the third key must match both the founder and the second, so two
   *     claims of one story that each match a third do not join through it
   */
  public ParaphraseClusters(double support) {
    this.support = checkedSupport(support);
  }

  /** The share itself if it is in (0, 1]; else an IllegalArgumentException that says so. */
  public static double checkedSupport(double support) {
    if (!(support > 0 && support <= 1)) {
      throw new IllegalArgumentException("the share of a cluster's members a key must match is in (0, 1], not " + support);
    }
    return support;
  }

  /** Records that two claim keys were verified the same claim, one against the other. */
  public void addPair(String a, String b) {
    link(partners, a, b);
    link(directPartners, a, b);
  }

  /** Records that two claim keys are the same claim by their sentences' match. */
  public void addSentencePair(String a, String b) {
    link(partners, a, b);
  }

  private static void link(Map<String, TreeSet<String>> graph, String a, String b) {
    if (!a.equals(b)) {
      graph.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
      graph.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
    }
  }

  /**
   * Whether a partner of a cluster's representative was verified against at least the share of the
   * cluster's members so far, the representative included.
   */
  private boolean supported(String partner, List<String> members) {
    TreeSet<String> verified = partners.get(partner);
    int links = 0;
    for (String member : members) {
      if (verified.contains(member)) {
        links++;
      }
    }
    return links >= support * members.size();
  }

  /** Each clustered key's representative, the representatives included (keys left alone are absent). */
  public Map<String, String> representatives() {
    List<String> order = new ArrayList<>(partners.keySet());
    order.sort(Comparator.comparingInt((String key) -> -directPartners.getOrDefault(key, NONE).size()).thenComparing(key -> key));
    Map<String, String> representatives = new TreeMap<>();
    for (String key : order) {
      if (representatives.containsKey(key)) {
        continue;
      }
      List<String> members = new ArrayList<>();
      members.add(key);
      for (String partner : partners.get(key)) {
        if (!representatives.containsKey(partner) && supported(partner, members)) {
          representatives.put(partner, key);
          members.add(partner);
        }
      }
      if (members.size() > 1) {
        representatives.put(key, key);
      }
    }
    return representatives;
  }
}
