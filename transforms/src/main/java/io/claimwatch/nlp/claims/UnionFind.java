package io.claimwatch.nlp.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Connected components by union-find; each component is named by its smallest node, so the result
 * does not depend on the order edges arrive in. For groups of copies (syndication), where a copy of a
 * copy is a copy; claims are clustered by {@link ParaphraseClusters}, which does not chain.
 */
public final class UnionFind {
  private final HashMap<String, String> parent = new HashMap<>();

  public void connect(String a, String b) {
    String rootA = find(a);
    String rootB = find(b);
    if (!rootA.equals(rootB)) {
      // The smaller key becomes the root, so every root is its component's smallest key.
      if (rootA.compareTo(rootB) < 0) {
        parent.put(rootB, rootA);
      } else {
        parent.put(rootA, rootB);
      }
    }
  }

  /** Each clustered key's representative, the representatives included (keys alone in their component are absent). */
  public Map<String, String> representatives() {
    Map<String, String> representatives = new TreeMap<>();
    for (String key : new ArrayList<>(parent.keySet())) {
      String root = find(key);
      representatives.put(key, root);
      representatives.put(root, root);
    }
    return representatives;
  }

  private String find(String key) {
    String root = key;
    for (String up = parent.get(root); up != null && !up.equals(root); up = parent.get(root)) {
      root = up;
    }
    // Path compression keeps later finds short.
    String node = key;
    while (!node.equals(root)) {
      String next = parent.get(node);
      parent.put(node, root);
      node = next;
    }
    return root;
  }
}
