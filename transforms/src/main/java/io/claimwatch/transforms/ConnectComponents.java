package io.claimwatch.transforms;

import io.claimwatch.nlp.claims.UnionFind;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Connected components of a graph given as edges (in the global window): every node that has an
 * edge, paired with its component's smallest node, so the result does not depend on the order
 * edges arrive in.
 *
 * <p>The edges meet in one union-find as a side input read by a single element, so no record holds
 * more than one edge. Grouped under one key instead, they were one record on Flink, whose batch
 * translation of a group pre-combines its values into a list: a 10k-article run on Flink's default
 * ({@code [auto]}) environment failed sorting it ("The record exceeds the maximum size of a sort
 * buffer"), as a combined accumulator of the whole graph had at 100k on {@code [local]}. The graph of
 * verified pairs is far smaller than the corpus (one edge per copy), so one worker holds it.
 */
public final class ConnectComponents extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
    if (!(edges.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      // The single element that reads the edges lives in the global window and would see no others.
      throw new IllegalArgumentException("ConnectComponents needs its edges in the global window");
    }
    PCollectionView<Iterable<KV<String, String>>> allEdges = edges.apply("AllEdgesAsView", View.asIterable());
    return edges.getPipeline()
        .apply("OneUnionFind", Create.of(0).withCoder(VarIntCoder.of()))
        .apply("NameComponents", ParDo.of(new NameComponentsFn(allEdges)).withSideInputs(allEdges))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  static final class NameComponentsFn extends DoFn<Integer, KV<String, String>> {
    private final PCollectionView<Iterable<KV<String, String>>> edges;

    NameComponentsFn(PCollectionView<Iterable<KV<String, String>>> edges) {
      this.edges = edges;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      UnionFind components = new UnionFind();
      for (KV<String, String> edge : context.sideInput(edges)) {
        components.connect(edge.getKey(), edge.getValue());
      }
      components.representatives().forEach((node, representative) -> context.output(KV.of(node, representative)));
    }
  }
}
