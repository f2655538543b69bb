package io.claimwatch.transforms;

import io.claimwatch.schemas.ClaimMention;

/**
 * Copies of a mention that share its field values. Avro's {@code newBuilder(mention)} copies every
 * nested record and list; steps that set one field of every mention (its claim id, its syndication
 * group) made a deep copy of each, and the Direct Runner holds a step's input and output at once.
 * Sharing is safe because no step changes a record it reads.
 */
final class MentionCopies {
  private static final int FIELDS = ClaimMention.getClassSchema().getFields().size();

  private MentionCopies() {}

  /** A new mention whose fields hold the same values as {@code mention}'s, to set one of them on. */
  static ClaimMention shallowCopy(ClaimMention mention) {
    ClaimMention copy = new ClaimMention();
    for (int field = 0; field < FIELDS; field++) {
      copy.put(field, mention.get(field));
    }
    return copy;
  }
}
