package io.claimwatch.transforms;

import io.claimwatch.schemas.Article;

/** What every per-article intermediate carries, so any stage can dead-letter the original article. */
public interface ArticleRecord {
  String file();

  long line();

  Article article();
}
