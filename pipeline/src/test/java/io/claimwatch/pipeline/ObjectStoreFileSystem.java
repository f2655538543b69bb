package io.claimwatch.pipeline;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A stand-in for Cloud Storage in tests: {@code objtest://tmp/x/key} is the local file
 * {@code /tmp/x/key}, seen as an object store sees it. Only files are objects: a directory matches
 * nothing and deleting one does nothing, and there is no rename: a rename is a copy and a delete, as
 * on Cloud Storage. So the code that serves gs:// runs here, without Google Cloud. Registered through
 * {@code META-INF/services} on the test classpath.
 */
final class ObjectStoreFileSystem extends FileSystem<ObjectStoreFileSystem.Key> {
  static final String SCHEME = "objtest";
  private static final String PREFIX = SCHEME + "://";

  /** The object-store URI of a local path. */
  static String uri(Path local) {
    return PREFIX + local.toAbsolutePath().toString().substring(1);
  }

  /** An object name (a "directory" ends with a slash). */
  record Key(String name) implements ResourceId {
    Path local() {
      return Path.of("/" + name);
    }

    @Override
    public ResourceId resolve(String other, ResolveOptions options) {
      if (!isDirectory()) {
        throw new IllegalStateException("resolving " + other + " against the object " + this);
      }
      boolean directory = options == ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY;
      return new Key(name + other + (directory && !other.endsWith("/") ? "/" : ""));
    }

    @Override
    public ResourceId getCurrentDirectory() {
      return isDirectory() ? this : new Key(name.substring(0, name.lastIndexOf('/') + 1));
    }

    @Override
    public String getScheme() {
      return SCHEME;
    }

    @Override
    public String getFilename() {
      String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
      String last = path.substring(path.lastIndexOf('/') + 1);
      return last.isEmpty() ? null : last;
    }

    @Override
    public boolean isDirectory() {
      return name.isEmpty() || name.endsWith("/");
    }

    @Override
    public String toString() {
      return PREFIX + name;
    }
  }

  @Override
  protected List<MatchResult> match(List<String> specs) throws IOException {
    List<MatchResult> results = new ArrayList<>();
    for (String spec : specs) {
      List<MatchResult.Metadata> objects = new ArrayList<>();
      MatchResult local = FileSystems.match(List.of("/" + spec.substring(PREFIX.length()))).get(0);
      if (local.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata file : local.metadata()) {
          if (!file.resourceId().isDirectory()) {
            objects.add(MatchResult.Metadata.builder()
                .setResourceId(new Key(file.resourceId().toString().substring(1)))
                .setSizeBytes(file.sizeBytes())
                .setIsReadSeekEfficient(true)
                .setLastModifiedMillis(file.lastModifiedMillis())
                .build());
          }
        }
      }
      results.add(objects.isEmpty() ? MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException(spec))
          : MatchResult.create(MatchResult.Status.OK, objects));
    }
    return results;
  }

  @Override
  protected WritableByteChannel create(Key key, CreateOptions options) throws IOException {
    return FileSystems.create(local(key), options);
  }

  @Override
  protected ReadableByteChannel open(Key key) throws IOException {
    return FileSystems.open(local(key));
  }

  @Override
  protected void copy(List<Key> sources, List<Key> destinations) throws IOException {
    FileSystems.copy(sources.stream().map(ObjectStoreFileSystem::local).toList(),
        destinations.stream().map(ObjectStoreFileSystem::local).toList());
  }

  @Override
  protected void rename(List<Key> sources, List<Key> destinations, MoveOptions... options) throws IOException {
    if (options.length > 0) {
      // FileSystems then filters the files itself and calls again without options.
      throw new UnsupportedOperationException("no move options");
    }
    copy(sources, destinations);
    delete(sources);
  }

  @Override
  protected void delete(Collection<Key> keys) throws IOException {
    for (Key key : keys) {
      if (!Files.isDirectory(key.local())) {
        Files.deleteIfExists(key.local());
      }
    }
  }

  @Override
  protected Key matchNewResource(String spec, boolean isDirectory) {
    String name = spec.substring(PREFIX.length());
    return new Key(isDirectory && !name.endsWith("/") ? name + "/" : name);
  }

  @Override
  protected String getScheme() {
    return SCHEME;
  }

  private static ResourceId local(Key key) {
    return FileSystems.matchNewResource(key.local().toString(), key.isDirectory());
  }

  /** Registers the file system with Beam's {@link FileSystems}. */
  public static final class Registrar implements FileSystemRegistrar {
    @Override
    public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
      return List.of(new ObjectStoreFileSystem());
    }
  }
}
