package io.claimwatch.transforms;

import java.io.Serializable;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A side input read once per bundle and window instead of once per element. The Direct Runner
 * builds a map view's map from all of the view's elements on every read, so reading it per element
 * made claim identity (which read one then) and syndication marking quadratic: a 10k-article run
 * spent 14 minutes there before it was stopped. Held by a DoFn, which calls {@link #startBundle}
 * from its {@code @StartBundle}; a new bundle or window reads the side input again, so a runner that
 * updates it between bundles is followed.
 */
final class SideInputPerBundle<T> implements Serializable {
  private final PCollectionView<T> view;
  private transient T value;
  private transient BoundedWindow window;

  SideInputPerBundle(PCollectionView<T> view) {
    this.view = view;
  }

  void startBundle() {
    value = null;
    window = null;
  }

  T get(DoFn<?, ?>.ProcessContext context, BoundedWindow elementWindow) {
    if (value == null || !elementWindow.equals(window)) {
      value = context.sideInput(view);
      window = elementWindow;
    }
    return value;
  }
}
