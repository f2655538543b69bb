package io.claimwatch.transforms;

import io.claimwatch.nlp.claims.ClaimClusters;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Connected components of a graph given as edges: every node that has an edge, paired with its
 * component's smallest node, so the result does not depend on the order edges arrive in.
 *
 * <p>The edges meet in one group and one union-find, but every edge and every result is a record
 * of its own: a combined accumulator holding the whole graph was one record, and at 100k articles
 * Flink could not sort it ("Record too large"). The graph of verified pairs is far smaller than the
 * corpus (one edge per copy or paraphrase), so one worker holds it.
 */
public final class ConnectComponents extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
    return edges
        .apply("AllEdgesTogether", WithKeys.<Void, KV<String, String>>of((Void) null)
            .withKeyType(TypeDescriptors.voids()))
        .setCoder(KvCoder.of(VoidCoder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply("GroupEdges", GroupByKey.create())
        .apply("NameComponents", ParDo.of(new NameComponentsFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  static final class NameComponentsFn extends DoFn<KV<Void, Iterable<KV<String, String>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Void, Iterable<KV<String, String>>> edges, OutputReceiver<KV<String, String>> out) {
      ClaimClusters components = new ClaimClusters();
      for (KV<String, String> edge : edges.getValue()) {
        components.connect(edge.getKey(), edge.getValue());
      }
      components.representatives().forEach((node, representative) -> out.output(KV.of(node, representative)));
    }
  }
}
