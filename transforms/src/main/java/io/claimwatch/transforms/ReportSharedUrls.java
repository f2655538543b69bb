package io.claimwatch.transforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reports URLs that arrive under more than one id, as JSON lines {@code {"url", "articleIds"}}.
 * Both articles stay accepted (a site may serve two stories at one address over time); the report
 * lets a feed's owner find ids that are not stable.
 */
public final class ReportSharedUrls extends PTransform<PCollection<SourcedArticle>, PCollection<String>> {
  private final int buckets;

  public ReportSharedUrls(int buckets) {
    this.buckets = buckets;
  }

  @Override
  public PCollection<String> expand(PCollection<SourcedArticle> articles) {
    int bucketCount = buckets;
    return articles
        .apply("WithUrl", Filter.by(a -> a.article().getUrl() != null && !a.article().getUrl().isBlank()))
        .apply("KeyByUrlBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via(a -> {
              String url = a.article().getUrl().trim();
              return KV.of(Math.floorMod(url.hashCode(), bucketCount), KV.of(url, a.article().getId()));
            }))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply("GroupUrls", GroupByKey.create())
        .apply("SharedUrls", ParDo.of(new SharedUrlsFn()))
        .setCoder(StringUtf8Coder.of());
  }

  static final class SharedUrlsFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Counter shared = Metrics.counter(ReportSharedUrls.class, "urlsUnderSeveralIds");

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket, OutputReceiver<String> out) {
      Map<String, TreeSet<String>> idsByUrl = new HashMap<>();
      bucket.getValue().forEach(urlAndId -> idsByUrl.computeIfAbsent(urlAndId.getKey(), u -> new TreeSet<>()).add(urlAndId.getValue()));
      idsByUrl.forEach((url, ids) -> {
        if (ids.size() > 1) {
          shared.inc();
          ObjectNode record = JSON.createObjectNode();
          record.put("url", url);
          ids.forEach(record.putArray("articleIds")::add);
          try {
            out.output(JSON.writeValueAsString(record));
          } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
    }
  }
}
