package io.claimwatch.pipeline;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps a failed or interrupted run from touching the previous outputs: a run writes into
 * {@code <output>/.staging}, and only a successful run moves each output into place, replacing the
 * previous one (a rename within one filesystem, so no reader sees half an output).
 */
final class OutputPublisher {
  static final List<String> OUTPUTS = List.of("mentions", "articles", "daily", "watchlist", "sources", "avro", "deadletter",
      "duplicates", "shared-urls", "summary.json");
  private static final String STAGING = ".staging";
  /** A URI scheme of two or more characters (so a Windows drive letter is not one). */
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):");

  private final Path output;
  private final Path staging;

  private OutputPublisher(Path output) {
    this.output = output;
    this.staging = output.resolve(STAGING);
  }

  /**
   * Whether {@code output} is a local path (no URI scheme, or {@code file:}), which staging needs;
   * gs://, s3:// and other remote outputs are written in place instead.
   */
  static boolean isLocal(String output) {
    Matcher scheme = SCHEME.matcher(output);
    return !scheme.find() || scheme.group(1).equalsIgnoreCase("file");
  }

  /** A local output (see {@link #isLocal}) as a path: a {@code file:} URI or a plain path. */
  static Path localPath(String output) {
    return output.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(output)) : Path.of(output);
  }

  /** Clears what an interrupted earlier run may have left in staging. */
  static OutputPublisher prepare(String output) throws IOException {
    OutputPublisher publisher = new OutputPublisher(localPath(output).toAbsolutePath());
    deleteRecursively(publisher.staging);
    Files.createDirectories(publisher.staging);
    return publisher;
  }

  String stagingDirectory() {
    return staging.toString();
  }

  void publish() throws IOException {
    for (String name : OUTPUTS) {
      Path staged = staging.resolve(name);
      Path target = output.resolve(name);
      if (Files.exists(staged)) {
        Path old = output.resolve(STAGING + "-old-" + name);
        deleteRecursively(old);
        if (Files.exists(target)) {
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
      }
    }
    deleteRecursively(staging);
  }

  void discard() throws IOException {
    deleteRecursively(staging);
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
