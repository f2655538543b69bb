package io.claimwatch.transforms;

import io.claimwatch.schemas.ClaimMention;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/** Gives each mention from a syndicated copy its article's syndication group. */
public final class MarkSyndication extends PTransform<PCollection<ClaimMention>, PCollection<ClaimMention>> {
  private final PCollectionView<Map<String, String>> groups;

  public MarkSyndication(PCollectionView<Map<String, String>> groups) {
    this.groups = groups;
  }

  @Override
  public PCollection<ClaimMention> expand(PCollection<ClaimMention> mentions) {
    return mentions.apply("SetSyndicationGroup", ParDo.of(new MarkFn(groups)).withSideInputs(groups))
        .setCoder(AvroCoder.of(ClaimMention.class));
  }

  static final class MarkFn extends DoFn<ClaimMention, ClaimMention> {
    private final SideInputPerBundle<Map<String, String>> groups;

    MarkFn(PCollectionView<Map<String, String>> groups) {
      this.groups = new SideInputPerBundle<>(groups);
    }

    @StartBundle
    public void startBundle() {
      groups.startBundle();
    }

    @ProcessElement
    public void process(ProcessContext context, BoundedWindow window) {
      ClaimMention mention = context.element();
      String group = groups.get(context, window).get(mention.getArticleId());
      if (group == null) {
        context.output(mention);
      } else {
        ClaimMention marked = MentionCopies.shallowCopy(mention);
        marked.setSyndicationGroup(group);
        context.output(marked);
      }
    }
  }
}
