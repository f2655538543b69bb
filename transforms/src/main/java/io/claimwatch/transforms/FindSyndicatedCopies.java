package io.claimwatch.transforms;

import io.claimwatch.nlp.claims.MinHashBands;
import io.claimwatch.nlp.claims.Shingles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Finds articles that are copies of one another (wire stories, reprints): MinHash over word
 * 5-shingles of the bodies, blocked by bands, pairs verified by the estimated Jaccard similarity of
 * their shingles, and joined into groups named by their smallest article id. The result is a view
 * from article id to group, holding only articles that have a copy.
 */
public final class FindSyndicatedCopies extends PTransform<PCollection<SourcedArticle>, PCollectionView<Map<String, String>>> {
  static final int SHINGLE_WORDS = 5;
  /** Copies share at least this much of their shingles; rewrites of one event share far less. */
  static final double MIN_JACCARD = 0.8;
  private static final MinHashBands BANDS = new MinHashBands(16, 4);

  private final int buckets;

  public FindSyndicatedCopies(int buckets) {
    this.buckets = buckets;
  }

  /** An article's id and MinHash signature. */
  record Signed(String articleId, long[] signature) {}

  /**
   * Id, then the signature's length and values. Not Java serialization: every article goes to the
   * grouping once per band, and the Direct Runner copies grouping state through the coder whenever
   * another bundle reaches a group.
   */
  static final class SignedCoder extends CustomCoder<Signed> {
    private static final Coder<String> ID = StringUtf8Coder.of();
    private static final Coder<Integer> LENGTH = VarIntCoder.of();

    @Override
    public void encode(Signed signed, OutputStream out) throws IOException {
      ID.encode(signed.articleId(), out);
      LENGTH.encode(signed.signature().length, out);
      DataOutputStream data = new DataOutputStream(out);
      for (long value : signed.signature()) {
        data.writeLong(value);
      }
      data.flush();
    }

    @Override
    public Signed decode(InputStream in) throws IOException {
      String id = ID.decode(in);
      long[] signature = new long[LENGTH.decode(in)];
      DataInputStream data = new DataInputStream(in);
      for (int i = 0; i < signature.length; i++) {
        signature[i] = data.readLong();
      }
      return new Signed(id, signature);
    }
  }

  @Override
  public PCollectionView<Map<String, String>> expand(PCollection<SourcedArticle> articles) {
    int bucketCount = buckets;
    return articles
        .apply("SignBodies", FlatMapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(Signed.class))))
            .via((SourcedArticle a) -> {
              long[] shingles = Shingles.hashes(a.article().getBody(), SHINGLE_WORDS);
              List<KV<Integer, KV<String, Signed>>> banded = new ArrayList<>();
              if (shingles.length == 0) {
                return banded;
              }
              long[] signature = BANDS.signatureOfHashes(shingles);
              Signed signed = new Signed(a.article().getId(), signature);
              for (String band : BANDS.bandKeys(signature)) {
                banded.add(KV.of(Math.floorMod(band.hashCode(), bucketCount), KV.of(band, signed)));
              }
              return banded;
            }))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), new SignedCoder())))
        .apply("GroupBodyBlocks", GroupByKey.create())
        .apply("VerifyCopies", ParDo.of(new VerifyCopiesFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("GroupCopies", new ConnectComponents())
        .apply("SyndicationView", View.asMap());
  }

  /**
   * Within each block (articles sharing a band, in id order), an article is compared with the
   * block's leaders — the earlier articles that were no one's copy — and joins the first it copies;
   * otherwise it becomes a leader. A wire story reprinted by N outlets costs N comparisons, not
   * N²/2 (a replicated corpus of 100k articles held millions of pairs). Copies of copies that no
   * longer copy the leader (estimated Jaccard between 0.6 and 0.8 of it) may stay apart.
   */
  static final class VerifyCopiesFn extends DoFn<KV<Integer, Iterable<KV<String, Signed>>>, KV<String, String>> {
    private final Counter copies = Metrics.counter(FindSyndicatedCopies.class, "copyPairs");
    private final Counter comparisons = Metrics.counter(FindSyndicatedCopies.class, "copyComparisons");

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, Signed>>> bucket, OutputReceiver<KV<String, String>> out) {
      Map<String, List<Signed>> blocks = new HashMap<>();
      for (KV<String, Signed> bandAndArticle : bucket.getValue()) {
        blocks.computeIfAbsent(bandAndArticle.getKey(), b -> new ArrayList<>()).add(bandAndArticle.getValue());
      }
      Set<String> emitted = new HashSet<>();
      for (List<Signed> block : blocks.values()) {
        block.sort(Comparator.comparing(Signed::articleId));
        List<Signed> leaders = new ArrayList<>();
        for (Signed article : block) {
          Signed original = null;
          for (Signed leader : leaders) {
            if (leader.articleId().equals(article.articleId())) {
              continue;
            }
            comparisons.inc();
            if (MinHashBands.estimatedJaccard(leader.signature(), article.signature()) >= MIN_JACCARD) {
              original = leader;
              break;
            }
          }
          if (original == null) {
            leaders.add(article);
          } else if (emitted.add(original.articleId() + '\n' + article.articleId())) {
            copies.inc();
            out.output(KV.of(original.articleId(), article.articleId()));
          }
        }
      }
    }
  }
}
