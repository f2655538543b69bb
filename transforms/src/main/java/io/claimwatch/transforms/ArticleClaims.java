package io.claimwatch.transforms;

import io.claimwatch.schemas.ClaimMention;
import java.io.Serializable;
import java.util.List;

/** The claim mentions of one accepted article (possibly none) and the file it was read from. */
public record ArticleClaims(String file, String articleId, List<ClaimMention> mentions) implements Serializable {}
