package io.claimwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the browser tests. Found as the {@code claimwatch.chromium} system
 * property, the {@code CHROMIUM} environment variable, or {@code chromium}, {@code chromium-browser},
 * {@code google-chrome} on the PATH. Missing, it fails the test in CI ({@code CI=true}) and skips it
 * (saying so) elsewhere.
 */
final class Chromium {
  private static final long TIMEOUT_SECONDS = 120;
  private final Path executable;

  private Chromium(Path executable) {
    this.executable = executable;
  }

  static Chromium require() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      String message = "headless Chromium is needed for the report's browser test and was not found "
          + "(apt-get install -y chromium, or set -Dclaimwatch.chromium=PATH)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + "; CI=true, so this is a failure, not a skip");
      }
      System.err.println("SKIPPED: " + message + "; not in CI (CI is not true), so the test is skipped");
      Assumptions.abort(message + "; skipped because CI is not set");
    }
    return new Chromium(found.get());
  }

  static Optional<Path> find() {
    for (String configured : new String[] {System.getProperty("claimwatch.chromium"), System.getenv("CHROMIUM")}) {
      if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
        return Optional.of(Path.of(configured));
      }
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name));
        }
      }
    }
    return Optional.empty();
  }

  /** The DOM after the page loaded, serialized ({@code --dump-dom}). */
  String dumpDom(Path page) throws IOException, InterruptedException {
    Path out = Files.createTempFile("claimwatch-dom-", ".html");
    try {
      run(List.of("--dump-dom", page.toUri().toString()), out);
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** A PNG of the page's top {@code width × height} pixels. */
  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        page.toUri().toString()), null);
  }

  private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("claimwatch-chromium-");
    Path log = Files.createTempFile("claimwatch-chromium-", ".log");
    try {
      List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + profile));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
      if (stdout == null) {
        builder.redirectOutput(log.toFile());
      } else {
        builder.redirectOutput(stdout.toFile());
      }
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + tail(log));
      }
      assertEquals(0, process.exitValue(), () -> "chromium failed: " + tail(log));
    } finally {
      deleteRecursively(profile);
      Files.deleteIfExists(log);
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 2000));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Chromium may still be removing its own files; a temp profile left behind is harmless.
    }
  }
}
