package io.claimwatch.nlp.watchlist;

import io.claimwatch.nlp.Token;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A boolean pattern over words and quoted phrases, e.g.
 * {@code (ceasefire | truce | "freeze the fighting") AND ("front line" | "line of contact")}.
 * Operators: {@code |} or {@code OR}, {@code &} or {@code AND}, {@code NOT} or {@code !}, and
 * parentheses; AND binds tighter than OR. A word matches a token whose lemma or lower-case text it
 * equals, so "lines" and "said" match "line" and "say"; a phrase matches consecutive tokens.
 */
public abstract class TermPattern implements Serializable {
  public abstract boolean matches(List<Token> tokens);

  public static TermPattern parse(String pattern) {
    Parser parser = new Parser(tokenize(pattern), pattern);
    TermPattern parsed = parser.or();
    if (parser.position != parser.tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.position) + "' in pattern: " + pattern);
    }
    return parsed;
  }

  private static List<String> tokenize(String pattern) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("()|&!".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int end = pattern.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed quote in pattern: " + pattern);
        }
        tokens.add(pattern.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = i;
        while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))
            && "()|&!\"".indexOf(pattern.charAt(end)) < 0) {
          end++;
        }
        tokens.add(pattern.substring(i, end));
        i = end;
      }
    }
    return tokens;
  }

  private static final class Parser {
    final List<String> tokens;
    final String source;
    int position;

    Parser(List<String> tokens, String source) {
      this.tokens = tokens;
      this.source = source;
    }

    TermPattern or() {
      List<TermPattern> any = new ArrayList<>(List.of(and()));
      while (peekIs("|", "OR")) {
        position++;
        any.add(and());
      }
      return any.size() == 1 ? any.get(0) : new AnyOf(any);
    }

    TermPattern and() {
      List<TermPattern> all = new ArrayList<>(List.of(not()));
      while (peekIs("&", "AND")) {
        position++;
        all.add(not());
      }
      return all.size() == 1 ? all.get(0) : new AllOf(all);
    }

    TermPattern not() {
      if (peekIs("!", "NOT")) {
        position++;
        return new Not(not());
      }
      return atom();
    }

    TermPattern atom() {
      if (position >= tokens.size()) {
        throw new IllegalArgumentException("pattern ends too soon: " + source);
      }
      String token = tokens.get(position++);
      if (token.equals("(")) {
        TermPattern inner = or();
        if (!peekIs(")", ")")) {
          throw new IllegalArgumentException("missing ')' in pattern: " + source);
        }
        position++;
        return inner;
      }
      if (token.equals(")") || token.equals("|") || token.equals("&")) {
        throw new IllegalArgumentException("unexpected '" + token + "' in pattern: " + source);
      }
      String words = token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
      return new Phrase(words.toLowerCase(Locale.ROOT).trim().split("\\s+"));
    }

    boolean peekIs(String symbol, String word) {
      return position < tokens.size() && (tokens.get(position).equals(symbol) || tokens.get(position).equals(word));
    }
  }

  private static final class Phrase extends TermPattern {
    private final String[] words;

    Phrase(String[] words) {
      this.words = words;
    }

    @Override
    public boolean matches(List<Token> tokens) {
      for (int start = 0; start + words.length <= tokens.size(); start++) {
        int matched = 0;
        while (matched < words.length && wordMatches(words[matched], tokens.get(start + matched))) {
          matched++;
        }
        if (matched == words.length) {
          return true;
        }
      }
      return false;
    }

    private static boolean wordMatches(String word, Token token) {
      return word.equals(token.lemma()) || word.equalsIgnoreCase(token.text());
    }
  }

  private static final class AnyOf extends TermPattern {
    private final List<TermPattern> patterns;

    AnyOf(List<TermPattern> patterns) {
      this.patterns = patterns;
    }

    @Override
    public boolean matches(List<Token> tokens) {
      return patterns.stream().anyMatch(p -> p.matches(tokens));
    }
  }

  private static final class AllOf extends TermPattern {
    private final List<TermPattern> patterns;

    AllOf(List<TermPattern> patterns) {
      this.patterns = patterns;
    }

    @Override
    public boolean matches(List<Token> tokens) {
      return patterns.stream().allMatch(p -> p.matches(tokens));
    }
  }

  private static final class Not extends TermPattern {
    private final TermPattern pattern;

    Not(TermPattern pattern) {
      this.pattern = pattern;
    }

    @Override
    public boolean matches(List<Token> tokens) {
      return !pattern.matches(tokens);
    }
  }
}
