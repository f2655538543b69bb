package io.claimwatch.transforms;

import io.claimwatch.schemas.ClaimMention;
import java.io.Serializable;
import java.util.List;

/**
 * The claim mentions of one accepted article (possibly none), the file it was read from and its
 * detected language (ISO 639-3).
 */
public record ArticleClaims(String file, String articleId, String language, List<ClaimMention> mentions)
    implements Serializable {}
