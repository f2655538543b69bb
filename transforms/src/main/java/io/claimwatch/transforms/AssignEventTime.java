package io.claimwatch.transforms;

import io.claimwatch.schemas.ClaimMention;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/** Stamps each mention with its article's publication time: the event time windows count by. */
public final class AssignEventTime extends PTransform<PCollection<ClaimMention>, PCollection<ClaimMention>> {
  @Override
  public PCollection<ClaimMention> expand(PCollection<ClaimMention> mentions) {
    return mentions.apply("StampPublishedAt",
        WithTimestamps.of((ClaimMention m) -> Instant.parse(m.getPublishedAt())));
  }
}
