package io.claimwatch.transforms;

import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.schemas.Article;
import java.io.Serializable;
import java.util.List;

/** An analyzed article with the attributions found in it. */
public record AttributedArticle(String file, long line, Article article, AnalyzedText text, List<Attribution> attributions)
    implements ArticleRecord, Serializable {}
