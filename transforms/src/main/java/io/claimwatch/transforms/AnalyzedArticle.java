package io.claimwatch.transforms;

import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.schemas.Article;
import java.io.Serializable;

/** An article split into sentences and tagged tokens. */
public record AnalyzedArticle(String file, long line, Article article, AnalyzedText text)
    implements ArticleRecord, Serializable {}
