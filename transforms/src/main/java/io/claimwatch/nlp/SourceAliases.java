package io.claimwatch.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The shipped table of names and role descriptions that mean one source in any article ("Putin",
 * "the Russian president" → "Vladimir Putin"), so that articles which never name the person in
 * full still count under one canonical source. A fixed table, not names gathered from the run: the
 * same mention resolves the same way on every runner, whatever else the run holds.
 */
final class SourceAliases {
  private static final String RESOURCE = "/io/claimwatch/nlp/source-aliases.tsv";
  private static final Map<String, String> ALIASES = load();

  private SourceAliases() {}

  /** The canonical name of a phrase (any case, "the" and possessive dropped by the caller), or null. */
  static String canonical(String phrase) {
    return ALIASES.get(phrase.toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> load() {
    Map<String, String> aliases = new HashMap<>();
    try (InputStream in = SourceAliases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] alias = line.split("\t");
          aliases.put(alias[0], alias[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return aliases;
  }
}
