package io.claimwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place where a site's host becomes an outlet: the host lower-cased, with {@code www.},
 * {@code m.} and {@code amp.} dropped, then looked up (itself, then each parent domain) in an
 * optional host → outlet mapping for outlets that publish under several domains.
 */
public final class Outlets implements Serializable {
  private static final long serialVersionUID = 1L;
  /** No mapping: the outlet is the normalized host. */
  public static final Outlets NONE = new Outlets(Map.of());
  private static final List<String> DROPPED_PREFIXES = List.of("www.", "m.", "amp.");

  private final TreeMap<String, String> byHost;

  private Outlets(Map<String, String> byHost) {
    this.byHost = new TreeMap<>(byHost);
  }

  /** A mapping from hosts (or URLs) to outlet names; hosts are normalized like any other. */
  public static Outlets of(Map<String, String> hostToOutlet) {
    TreeMap<String, String> normalized = new TreeMap<>();
    hostToOutlet.forEach((host, outlet) -> {
      String key = normalizeHost(host.contains("://") ? hostOf(host) : host);
      if (key == null || key.isEmpty() || outlet == null || outlet.isBlank()) {
        throw new IllegalArgumentException("outlet mapping needs a host and an outlet: " + host + " → " + outlet);
      }
      normalized.put(key, outlet.trim());
    });
    return new Outlets(normalized);
  }

  /**
   * Reads {@code --outletMap}: a JSON object {@code {"host": "outlet", ...}} or a two-column CSV
   * {@code host,outlet} (a first row {@code host,outlet} and lines starting with {@code #} are
   * skipped). Null or blank means no mapping.
   */
  public static Outlets load(String file) {
    if (file == null || file.isBlank()) {
      return NONE;
    }
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read outlet map " + file, e);
    }
    return parse(text, file);
  }

  static Outlets parse(String text, String name) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Map<String, String> map = new TreeMap<>();
    if (content.trim().startsWith("{")) {
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(content);
      } catch (IOException e) {
        throw new IllegalArgumentException("outlet map " + name + " is not a JSON object: " + e.getMessage(), e);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isTextual()) {
          throw new IllegalArgumentException("outlet map " + name + ": the outlet of " + entry.getKey() + " is not a string");
        }
        map.put(entry.getKey(), entry.getValue().textValue());
      }
      return of(map);
    }
    String[] lines = content.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int comma = line.indexOf(',');
      if (comma < 0) {
        throw new IllegalArgumentException("outlet map " + name + " line " + (i + 1) + " is not host,outlet: " + line);
      }
      String host = unquote(line.substring(0, comma));
      String outlet = unquote(line.substring(comma + 1));
      if (map.isEmpty() && host.equalsIgnoreCase("host")) {
        continue;
      }
      map.put(host, outlet);
    }
    return of(map);
  }

  /** The outlet of an article at {@code url}: its normalized host, or what the mapping makes of it. */
  public String outletForUrl(String url) throws InvalidRecordException {
    if (url == null || url.isBlank()) {
      throw new InvalidRecordException("missing outlet and no url to derive it from");
    }
    String host;
    try {
      host = new URI(url.trim()).getHost();
    } catch (URISyntaxException e) {
      throw new InvalidRecordException("missing outlet and url is not a URI: " + url);
    }
    if (host == null || host.isBlank()) {
      throw new InvalidRecordException("missing outlet and url has no host: " + url);
    }
    return outletForHost(host);
  }

  /** The outlet of a host: the mapping of the host or of its nearest mapped parent domain, else the host. */
  public String outletForHost(String host) {
    String normalized = normalizeHost(host);
    for (String domain = normalized; domain.indexOf('.') > 0; domain = domain.substring(domain.indexOf('.') + 1)) {
      String outlet = byHost.get(domain);
      if (outlet != null) {
        return outlet;
      }
    }
    return normalized;
  }

  /** Lower case, no trailing dot, and no leading {@code www.}, {@code m.} or {@code amp.} (repeatedly). */
  public static String normalizeHost(String host) {
    if (host == null) {
      return null;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    boolean dropped = true;
    while (dropped) {
      dropped = false;
      for (String prefix : DROPPED_PREFIXES) {
        // Keep at least a two-label domain: "m.com" stays as it is.
        if (h.startsWith(prefix) && h.indexOf('.', prefix.length()) > 0) {
          h = h.substring(prefix.length());
          dropped = true;
        }
      }
    }
    return h;
  }

  public int size() {
    return byHost.size();
  }

  private static String hostOf(String url) {
    try {
      return new URI(url.trim()).getHost();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
  }

  private static String unquote(String value) {
    String v = value.trim();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1).replace("\"\"", "\"").trim();
    }
    return v;
  }
}
