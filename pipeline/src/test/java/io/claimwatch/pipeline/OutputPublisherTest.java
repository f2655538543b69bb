package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which outputs are staged and published (local ones) and which are written in place. */
class OutputPublisherTest {
  @Test
  void localPathsAreStaged() {
    for (String local : new String[] {"out", "/tmp/out", "../out/", "file:///tmp/out", "C:/out", "C:\\out"}) {
      assertTrue(OutputPublisher.isLocal(local), local);
    }
  }

  @Test
  void remoteOutputsAreWrittenInPlace() {
    for (String remote : new String[] {"gs://bucket/out", "s3://bucket/out", "hdfs://nn/out", "GS://bucket/x"}) {
      assertFalse(OutputPublisher.isLocal(remote), remote);
    }
  }
}
