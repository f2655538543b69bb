package io.claimwatch.report;

import static io.claimwatch.report.ReportFixture.EMERGING_TEXT;
import static io.claimwatch.report.ReportFixture.STEADY_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.pipeline.ClaimwatchOptions;
import io.claimwatch.pipeline.ClaimwatchPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as a real browser (headless Chromium) sees it: the DOM after loading the file. */
class ClaimsReportBrowserTest {
  private static final String XSS_TEXT = "&lt;script&gt;document.documentElement.setAttribute('data-xss','1')&lt;/script&gt;";

  @TempDir Path dir;

  @Test
  void browserShowsChartsClaimsAndArticleMarkupAsText() throws Exception {
    Chromium chromium = Chromium.require();
    Path report = ClaimsReport.write(ReportFixture.write(dir), 5);

    String dom = chromium.dumpDom(report);
    assertTrue(dom.contains("<svg"), "inline SVG charts are in the DOM");
    assertTrue(count(dom, "<svg") >= 1 + 1 + 3 + 1 + 1, "overview, axes, a row per top claim, heat map, sparklines");
    assertEquals(3, count(dom, "class=\"chart claim-chart\""));
    assertTrue(count(dom, "<rect") >= 20, "bars and heat-map cells are drawn");
    assertTrue(dom.contains(STEADY_TEXT) && dom.contains(EMERGING_TEXT), "the claims' wording is shown");
    assertNoMarkupEscaped(dom);
    assertTrue(dom.contains("&lt;i&gt;evil&lt;/i&gt; outlet"), "an outlet name is text too");
    assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertFalse(dom.contains("<img"), "no image element came from a source name");
    assertFalse(dom.contains("href=\"javascript:"));

    // For the eye: target/report-fixture.png.
    chromium.screenshot(report, Path.of("target/report-fixture.png"), 1280, 1600);
    assertTrue(Files.size(Path.of("target/report-fixture.png")) > 10_000);
  }

  @Test
  void pipelineRunWritesAReportTheBrowserRenders() throws Exception {
    Chromium chromium = Chromium.require();
    Path input = Path.of("src/test/resources/fixtures/report-articles.jsonl").toAbsolutePath();
    Path out = dir.resolve("out");
    PipelineOptionsFactory.register(ClaimwatchOptions.class);
    ClaimwatchOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--input=" + input,
        "--output=" + out).withValidation().as(ClaimwatchOptions.class);
    assertEquals(PipelineResult.State.DONE, ClaimwatchPipeline.run(options));
    Path report = out.resolve("report.html");
    assertTrue(Files.isRegularFile(report), "the run wrote report.html beside its outputs");

    String dom = chromium.dumpDom(report);
    assertTrue(count(dom, "<svg") >= 4, "charts");
    assertTrue(dom.contains("Putin is open to a ceasefire along the current front line"), "the top claim");
    assertTrue(dom.contains("wire-a") && dom.contains("daily-b"), "its outlets");
    assertTrue(dom.contains("U.S. officials"), "its source");
    assertTrue(dom.contains("id=\"article-"), "the example articles' mention lists");
    // The pipeline reads a body with markup as HTML: the article's <script> is dropped, neither shown nor run.
    assertFalse(dom.contains("data-xss"), "the article's script is gone");
    assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"), "no script element in the DOM");
    assertTrue(dom.contains("&lt;b&gt;bad outlet&lt;/b&gt;"), "the hostile article's outlet, as text");
    assertTrue(dom.contains("&lt;script&gt;alert('dead letter')&lt;/script&gt;"), "a dead letter's input, as text");
    assertTrue(dom.contains("malformed JSON"), "dead letters by reason");
  }

  /** The hostile article's {@code <script>} is text in the page: no script element, and it never ran. */
  private static void assertNoMarkupEscaped(String dom) {
    assertTrue(dom.contains(XSS_TEXT), "the article's <script> shows as text");
    assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"), "no script element in the DOM");
    assertFalse(dom.contains("data-xss=\"1\""), "the script did not run");
    Matcher html = Pattern.compile("<html[^>]*>").matcher(dom);
    assertTrue(html.find());
    assertEquals("<html lang=\"en\">", html.group());
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
