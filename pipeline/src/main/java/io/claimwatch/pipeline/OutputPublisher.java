package io.claimwatch.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
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

  private final Path output;
  private final Path staging;

  private OutputPublisher(Path output) {
    this.output = output;
    this.staging = output.resolve(STAGING);
  }

  /** Clears what an interrupted earlier run may have left in staging. */
  static OutputPublisher prepare(String output) throws IOException {
    OutputPublisher publisher = new OutputPublisher(Path.of(output).toAbsolutePath());
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

  private static void deleteRecursively(Path path) throws IOException {
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
