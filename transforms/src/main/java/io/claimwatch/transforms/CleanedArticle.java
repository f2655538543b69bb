package io.claimwatch.transforms;

import io.claimwatch.nlp.CleanedText;
import io.claimwatch.schemas.Article;
import java.io.Serializable;

/** An article with its scraper faults marked for removal. */
public record CleanedArticle(String file, long line, Article article, CleanedText cleaned)
    implements ArticleRecord, Serializable {}
