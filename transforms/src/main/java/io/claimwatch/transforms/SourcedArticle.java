package io.claimwatch.transforms;

import io.claimwatch.schemas.Article;
import java.io.Serializable;

/** An accepted article with the file and line it came from (for per-file summaries and determinism). */
public record SourcedArticle(String file, long line, Article article) implements ArticleRecord, Serializable {}
