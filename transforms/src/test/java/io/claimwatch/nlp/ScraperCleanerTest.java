package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScraperCleanerTest {
  /** The body of the first article in ../shared/data/seed/articles.jsonl, copied literally. */
  private static final String SEED_BODY =
      """
      Despite his public bravado, Putin shows interest in reaching an agreement to end the war in Ukraine. Through backstage diplomatic channels, the Russian president is signaling that he is ready to to conclude a deal. This was reported by The New York Times, according to UNN.
      Details
      The journalists refer to two former Russian officials close to the Kremlin, U.S. officials and international officials who have received messages from Putin's representatives.
      It is noted that emboldened by Ukraine's failed counteroffensive and weak Western support, Putin says Russia's military goals have not changed. Addressing his generals, he boasted that Ukraine is so besieged that Russian invasion forces are doing "what we want them to do."
      According to sources, since September, Putin has been sending signals through intermediaries that he is open to a a ceasefire that would freeze the fighting along the current front line.
      AddendumAddendum
      In fact, according to U.S. officials, Putin was trying to probe the possibility of a a ceasefire agreement a year earlier, in the fall of 2022. This quiet performance, previously unreported, came after Ukraine defeated the Russian army in the northeast of the country. Putin said he was satisfied with with the territory captured by Russia and is ready for a truce, officials said.
      The NYT notes that dozens of of interviews with Russians who have known him for years and with international officials with a with international officials with a good understanding of the Kremlin's inner workings show that Putin is maneuvering to reduce risks and keep his options open in a war that is lasting longer than he expected.
      They say: "We are ready to negotiate a ceasefire. They want to stay where they are on the battlefield
      According to the newspaper, there is any evidence that Ukraine's leaders, who have pledged to return all of their territory, will accept such a deal.
      Some U.S. officials say this could be an attempt by the Kremlin to mislead the world and does not reflect Putin's true desire to compromise, while former Russian officials add that Putin may well change his mind if the Russian army gains momentum, the NYT writes.
      NYT's sources sources say the Russian president sees a favorable moment for a deal due to a confluence of factors: the fighting has reached a stalemate, Ukraine's failed counteroffensive, slowing support from the West, and the war in Israel, which is diverting attention from Ukraine.""";

  private static final Pattern DOUBLED_WORD =
      Pattern.compile("\\b(\\w+)\\s+\\1\\b", Pattern.CASE_INSENSITIVE);

  private final ScraperCleaner cleaner = new ScraperCleaner();

  @Test
  void seedBodyLosesItsScraperFaults() {
    CleanedText text = cleaner.clean(SEED_BODY);
    String cleaned = text.cleaned();

    assertTrue(cleaned.contains("ready to conclude"));
    assertTrue(cleaned.contains("open to a ceasefire"));
    assertTrue(cleaned.contains("possibility of a ceasefire"));
    assertTrue(cleaned.contains("satisfied with the territory"));
    assertTrue(cleaned.contains("dozens of interviews"));
    assertTrue(cleaned.contains("NYT's sources say"));
    assertTrue(cleaned.contains("\nAddendum\n"));
    assertFalse(cleaned.contains("AddendumAddendum"));
    assertTrue(cleaned.contains("and with international officials with a good understanding"));
    assertFalse(cleaned.contains("with a with"));
    assertEquals(List.of(), doubledWords(cleaned));
    assertConsistent(text);
  }

  @Test
  void seedBodyChangesNowhereElse() {
    String expected = SEED_BODY
        .replace("ready to to conclude", "ready to conclude")
        .replace("open to a a ceasefire", "open to a ceasefire")
        .replace("possibility of a a ceasefire", "possibility of a ceasefire")
        .replace("AddendumAddendum", "Addendum")
        .replace("satisfied with with the", "satisfied with the")
        .replace("dozens of of interviews", "dozens of interviews")
        .replace("officials with a with international officials with a good",
            "officials with a good")
        .replace("sources sources say", "sources say");

    CleanedText text = cleaner.clean(SEED_BODY);

    assertEquals(expected, text.cleaned());
    assertEquals(8, text.removed().size());
    assertEquals(" with international officials with a",
        text.removed().get(6).of(SEED_BODY));
  }

  @Test
  void legitimateDoublesStay() {
    for (String sentence : List.of(
        "He had had enough.",
        "He said that that was fine.",
        "What it is is a mess.",
        "It was very very cold.",
        "The food was so so, she said.",
        "Ha ha ha ha, very funny.",
        "The score was 10 10 at half time.")) {
      assertUnchanged(sentence);
    }
  }

  @Test
  void lowerCaseAndShortGluedWordsStay() {
    assertUnchanged("A murmur over couscous and a bonbon in Walla Walla or Bora Bora.");
    assertUnchanged("Her TomTom failed; beriberi and tartar are words.");
  }

  @Test
  void repeatsAcrossPunctuationOrLineBreaksStay() {
    assertUnchanged("He went to, to be fair, the shop.");
    assertUnchanged("It ended. It ended badly.");
    assertUnchanged("the\nthe\r\nthe");
    assertUnchanged("Officials said so. Officials said so again.");
  }

  @Test
  void doubledWordsGoWithTheSpaceBeforeThem() {
    assertEquals("The cat sat.", cleaner.clean("The the cat sat.").cleaned());
    assertEquals("go to the shop", cleaner.clean("go to to to the shop").cleaned());
    assertEquals("\"to the end\"", cleaner.clean("\"to to the end\"").cleaned());
    assertEquals("at the\tend.", cleaner.clean("at the  the\tend.").cleaned());
    assertEquals("NYT’s sources say", cleaner.clean("NYT’s NYT's sources say").cleaned());
    assertEquals("a front-line town", cleaner.clean("a front-line front-line town").cleaned());
    assertEquals("COVID19 cases", cleaner.clean("COVID19 covid19 cases").cleaned());
  }

  @Test
  void longestRepeatedPhraseGoes() {
    assertEquals("the cat sat on the mat",
        cleaner.clean("the cat sat the cat sat on the mat").cleaned());
    assertEquals("one two three four five six seven eight nine ten eleven twelve end",
        cleaner.clean("one two three four five six seven eight nine ten eleven twelve "
            + "one two three four five six seven eight nine ten eleven twelve end").cleaned());
    assertEquals("A B C", cleaner.clean("A B A B C A B A B C").cleaned());
  }

  @Test
  void gluedCapitalizedDoublesLoseTheirSecondHalf() {
    assertEquals("Details\nAddendum\n",
        cleaner.clean("DetailsDetails\nAddendumAddendum\n").cleaned());
    assertEquals("Addendum:", cleaner.clean("Addendum AddendumAddendum:").cleaned());
  }

  @Test
  void cutsMapBackToTheOriginal() {
    CleanedText text = cleaner.clean("ready to to conclude");

    assertEquals("ready to conclude", text.cleaned());
    assertEquals(List.of(new Span(8, 11)), text.removed());
    // "conclude" starts right after the cut, "to" ends right before it.
    assertEquals(12, text.toOriginal(9));
    assertEquals(11, text.toOriginal(8));
    assertEquals(8, text.toOriginalEnd(8));
    assertEquals(20, text.toOriginal(17));
    assertEquals(20, text.toOriginalEnd(17));
    assertTrue(text.isRemoved(8));
    assertTrue(text.isRemoved(10));
    assertFalse(text.isRemoved(7));
    assertFalse(text.isRemoved(11));
    assertTrue(text.hasRemovedBetween(6, 9));
    assertTrue(text.hasRemovedBetween(10, 11));
    assertFalse(text.hasRemovedBetween(0, 8));
    assertFalse(text.hasRemovedBetween(11, 20));
    assertFalse(text.hasRemovedBetween(9, 9));
    assertThrows(IndexOutOfBoundsException.class, () -> text.toOriginal(18));
    assertThrows(IndexOutOfBoundsException.class, () -> text.toOriginalEnd(-1));
  }

  @Test
  void offsetsHoldForSurrogatePairsAndCrlf() {
    CleanedText emoji = cleaner.clean("I 😀 😀 love it it");
    assertEquals("I 😀 😀 love it", emoji.cleaned());
    assertConsistent(emoji);

    CleanedText crlf = cleaner.clean("to to\r\nthe the end\r\n");
    assertEquals("to\r\nthe end\r\n", crlf.cleaned());
    assertConsistent(crlf);

    CleanedText nonBmpWords = cleaner.clean("𝐀𝐁 𝐀𝐁 said 😀 𝐀bcd𝐀bcd.");
    assertEquals("𝐀𝐁 said 😀 𝐀bcd.", nonBmpWords.cleaned());
    assertConsistent(nonBmpWords);

    for (String body : List.of(
        SEED_BODY, "😀", "a😀 a😀", "x\uD800 x\uD800 y", "\uDC00\uD800", "é é café café",
        " to to ", "\r\n\r\n", "It it's its it's")) {
      assertConsistent(cleaner.clean(body));
    }
  }

  @Test
  void emptyAndBlankBodiesStay() {
    assertUnchanged("");
    assertUnchanged("   \n\t \r\n\u00A0 ");
  }

  @Test
  void hugeBodiesFinish() {
    String noSpaces = "x".repeat(2_000_000);
    assertUnchanged(noSpaces);

    CleanedText gluedHuge = cleaner.clean("Lorem".repeat(400_000));
    assertEquals("Lorem".repeat(200_000), gluedHuge.cleaned());

    String[] vocabulary = {"the", "a", "to", "war", "Putin", "said", "had", "officials", "10"};
    String[] separators = {" ", " ", " ", " ", " ", ", ", ".\n", "  "};
    Random random = new Random(42);
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      words.append(vocabulary[random.nextInt(vocabulary.length)])
          .append(separators[random.nextInt(separators.length)]);
    }
    CleanedText text = cleaner.clean(words.toString());
    assertFalse(text.removed().isEmpty());
    assertConsistent(text);
  }

  @Test
  void survivesSerialization() throws Exception {
    CleanedText text = cleaner.clean(SEED_BODY);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(text);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      CleanedText copy = (CleanedText) in.readObject();
      assertEquals(text, copy);
      assertEquals(text.cleaned(), copy.cleaned());
      assertEquals(text.toOriginal(1000), copy.toOriginal(1000));
    }
  }

  @Test
  void rejectsRangesThatOverlapTouchOrLeaveTheBody() {
    assertThrows(IllegalArgumentException.class,
        () -> new CleanedText("abcdef", List.of(new Span(1, 3), new Span(2, 4))));
    assertThrows(IllegalArgumentException.class,
        () -> new CleanedText("abcdef", List.of(new Span(1, 3), new Span(3, 4))));
    assertThrows(IllegalArgumentException.class,
        () -> new CleanedText("abcdef", List.of(new Span(2, 2))));
    assertThrows(IllegalArgumentException.class,
        () -> new CleanedText("abcdef", List.of(new Span(4, 7))));
    assertEquals("af", new CleanedText("abcdef", List.of(new Span(1, 5))).cleaned());
  }

  private void assertUnchanged(String body) {
    CleanedText text = cleaner.clean(body);
    assertEquals(body, text.cleaned());
    assertEquals(List.of(), text.removed());
    assertConsistent(text);
  }

  private static List<String> doubledWords(String text) {
    return DOUBLED_WORD.matcher(text).results()
        .map(match -> match.group(1).toLowerCase(Locale.ROOT))
        .filter(word -> !ScraperCleaner.LEGITIMATE_DOUBLES.contains(word))
        .toList();
  }

  /** Checks the removed ranges and the offset mapping against brute-force definitions. */
  private static void assertConsistent(CleanedText text) {
    String original = text.original();
    String cleaned = text.cleaned();
    boolean[] removedChar = new boolean[original.length()];
    StringBuilder cut = new StringBuilder();
    int previousEnd = -1;
    for (Span range : text.removed()) {
      assertTrue(range.length() > 0, () -> "empty range " + range);
      assertTrue(range.start() > previousEnd, () -> "unsorted, overlapping or touching " + range);
      assertTrue(range.end() <= original.length(), () -> "range outside body " + range);
      cut.append(original, Math.max(previousEnd, 0), range.start());
      for (int i = range.start(); i < range.end(); i++) {
        removedChar[i] = true;
      }
      previousEnd = range.end();
    }
    cut.append(original, Math.max(previousEnd, 0), original.length());
    assertEquals(cut.toString(), cleaned);

    for (int i = 0; i < cleaned.length(); i++) {
      int index = i;
      int start = text.toOriginal(i);
      assertEquals(cleaned.charAt(i), original.charAt(start), () -> "char at cleaned " + index);
      assertFalse(removedChar[start]);
      assertEquals(start + 1, text.toOriginalEnd(i + 1), () -> "end after cleaned " + index);
    }
    int lastKeptEnd = previousEnd == original.length()
        ? text.removed().get(text.removed().size() - 1).start()
        : original.length();
    assertEquals(lastKeptEnd, text.toOriginalEnd(cleaned.length()));
    assertEquals(original.length(), text.toOriginal(cleaned.length()));

    int[] removedBefore = new int[original.length() + 1];
    for (int i = 0; i < original.length(); i++) {
      int index = i;
      assertEquals(removedChar[i], text.isRemoved(i), () -> "isRemoved(" + index + ")");
      removedBefore[i + 1] = removedBefore[i] + (removedChar[i] ? 1 : 0);
    }
    for (int from = 0; from <= original.length(); from++) {
      for (int to = from; to <= Math.min(original.length(), from + 40); to++) {
        int windowFrom = from;
        int windowTo = to;
        assertEquals(removedBefore[to] > removedBefore[from], text.hasRemovedBetween(from, to),
            () -> "hasRemovedBetween(" + windowFrom + ", " + windowTo + ")");
      }
    }
  }
}
