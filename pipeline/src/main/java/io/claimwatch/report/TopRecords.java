package io.claimwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code size} records of a stream in an order, read from lines: a line's ranking fields
 * decide, and its whole record is built only when it enters.
 */
public final class TopRecords {
  private final Comparator<JsonNode> order;
  private final int size;
  private final PriorityQueue<JsonNode> lastFirst;

  /** @param order compares the ranking fields as it would whole records (first = best) */
  public TopRecords(Comparator<JsonNode> order, int size) {
    this.order = order;
    this.size = size;
    this.lastFirst = new PriorityQueue<>(order.reversed());
  }

  /** Offers {@code line}, whose ranking fields are {@code rankingFields}. */
  public void offer(JsonNode rankingFields, JsonLinesReader.Line line) throws IOException {
    if (lastFirst.size() < size || order.compare(rankingFields, lastFirst.peek()) < 0) {
      lastFirst.add(line.record());
      if (lastFirst.size() > size) {
        lastFirst.poll();
      }
    }
  }

  /** The records kept, first first. */
  public List<JsonNode> inOrder() {
    List<JsonNode> records = new ArrayList<>(lastFirst);
    records.sort(order);
    return records;
  }
}
