package io.claimwatch.report;

import java.net.URI;
import java.util.Locale;

/** Escaping for text and attribute values in HTML and inline SVG. */
final class Html {
  private Html() {}

  /** Escapes text for an element's content or a double- or single-quoted attribute value. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters other than tab and line breaks are not allowed in HTML text.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** {@code text} cut to at most {@code max} characters, with an ellipsis when cut. */
  static String abbreviate(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= max) {
      return flat;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
      cut--;
    }
    return flat.substring(0, cut) + "…";
  }

  /** The URL if it is an absolute http(s) URL, else null (no javascript:, data: or relative links). */
  static String safeHttpUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      return scheme.equals("http") || scheme.equals("https") ? uri.toASCIIString() : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** A fragment identifier made of [A-Za-z0-9_-] only. */
  static String anchor(String prefix, String value) {
    StringBuilder out = new StringBuilder(prefix);
    for (char c : value.toCharArray()) {
      out.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '_');
    }
    return out.toString();
  }
}
