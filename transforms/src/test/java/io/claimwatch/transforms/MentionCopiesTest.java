package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.Source;
import io.claimwatch.schemas.SourceKind;
import io.claimwatch.schemas.Span;
import io.claimwatch.schemas.SpanGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shallow copy holds every field of the mention, shares its nested records, and leaves it unchanged when set. */
class MentionCopiesTest {
  @Test
  void copyHasEveryFieldAndSettingOneLeavesTheOriginal() {
    ClaimMention mention = ClaimMention.newBuilder()
        .setArticleId("a1").setOutlet("unn").setPublishedAt("2023-12-24T10:00:00Z").setDay("2023-12-24")
        .setSentence(new Span(0, 40))
        .setSource(new Source("officials", List.of(new Span(0, 9)), SourceKind.OFFICIALS, "U.S. officials"))
        .setCue(new SpanGroup("said", List.of(new Span(10, 14))))
        .setContent(new SpanGroup("the bridge reopens", List.of(new Span(15, 40))))
        .setAttributed(true).setClaimId("c1").setClaimKey("bridge reopen")
        .setSyndicationGroup(null).setRelayedFrom("The New York Times").build();

    ClaimMention copy = MentionCopies.shallowCopy(mention);
    assertEquals(mention, copy);
    assertSame(mention.getSource(), copy.getSource());

    copy.setClaimId("c2");
    assertEquals("c1", mention.getClaimId());
    assertNotEquals(mention, copy);
  }
}
