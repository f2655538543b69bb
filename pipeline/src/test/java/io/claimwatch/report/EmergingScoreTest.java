package io.claimwatch.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmergingScoreTest {
  private static final int FIRST = 19_800;

  @Test
  void scoreIsDistanceFromTheTrailingMeanInUnitsOfSdPlusOne() {
    assertEquals(0.0, EmergingScore.score(2, new long[] {2, 2, 2, 2, 2, 2, 2}), 1e-12);
    assertEquals(3.0, EmergingScore.score(5, new long[] {2, 2, 2, 2, 2, 2, 2}), 1e-12, "flat history: sd 0, divide by 1");
    double mean = 1.0 / 7;
    double sd = Math.sqrt(6) / 7;
    assertEquals((6 - mean) / (sd + 1), EmergingScore.score(6, new long[] {0, 0, 0, 0, 0, 0, 1}), 1e-12);
    assertEquals(-1.0, EmergingScore.score(0, new long[] {1, 1}), 1e-12, "a quiet day scores below zero");
  }

  @Test
  void populationStandardDeviation() {
    assertEquals(2.0, EmergingScore.sd(new long[] {2, 4, 4, 4, 5, 5, 7, 9}), 1e-12);
    assertEquals(5.0, EmergingScore.mean(new long[] {2, 4, 4, 4, 5, 5, 7, 9}), 1e-12);
  }

  @Test
  void historyIsTheSevenDaysBeforeWithMissingDaysAsZero() {
    Map<Integer, Long> counts = new HashMap<>();
    counts.put(FIRST + 3, 4L);
    counts.put(FIRST + 9, 2L);
    counts.put(FIRST + 10, 9L);
    assertArrayEquals(new long[] {4, 0, 0, 0, 0, 0, 2}, EmergingScore.history(counts, FIRST + 10, FIRST));
    assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0, 4}, EmergingScore.history(counts, FIRST + 4, FIRST - 100));
  }

  @Test
  void historyStopsAtTheRunsFirstDay() {
    Map<Integer, Long> counts = Map.of(FIRST, 1L, FIRST + 1, 1L, FIRST + 2, 5L);
    assertArrayEquals(new long[] {1, 1}, EmergingScore.history(counts, FIRST + 2, FIRST));
    assertEquals(0, EmergingScore.history(counts, FIRST, FIRST).length);
    EmergingScore.Scored first = EmergingScore.scoreDay("c", Map.of(FIRST, 50L), FIRST, FIRST);
    assertTrue(Double.isNaN(first.score()), "the run's first day has no history and no score");
    assertFalse(first.emerging());
  }

  @Test
  void emergingNeedsTheMinimumCountAndTheThreshold() {
    Map<Integer, Long> two = Map.of(FIRST + 7, 2L);
    EmergingScore.Scored small = EmergingScore.scoreDay("c", two, FIRST + 7, FIRST);
    assertEquals(2.0, small.score(), 1e-12);
    assertFalse(small.emerging(), "2 mentions are below the minimum of 3");

    EmergingScore.Scored three = EmergingScore.scoreDay("c", Map.of(FIRST + 7, 3L), FIRST + 7, FIRST);
    assertEquals(3.0, three.score(), 1e-12);
    assertEquals(7, three.historyDays());
    assertTrue(three.emerging());

    // A claim that is always busy is not emerging: 10 a day, 11 today.
    Map<Integer, Long> busy = new HashMap<>();
    for (int d = 0; d < 7; d++) {
      busy.put(FIRST + d, d % 2 == 0 ? 9L : 11L);
    }
    busy.put(FIRST + 7, 11L);
    EmergingScore.Scored steady = EmergingScore.scoreDay("c", busy, FIRST + 7, FIRST);
    assertTrue(steady.score() < EmergingScore.THRESHOLD, "score " + steady.score());
    assertFalse(steady.emerging());
  }
}
