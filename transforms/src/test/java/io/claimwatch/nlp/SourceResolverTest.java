package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.claimwatch.schemas.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceResolverTest {
  /** Resolves the source phrase at its {@code occurrence}-th appearance (0-based) in the body. */
  private static SourceResolver.Resolved resolve(String body, String phrase, int occurrence) {
    AnalyzedText text = Analyzed.text(body);
    SourceResolver resolver = new SourceResolver(text);
    int at = -1;
    for (int i = 0; i <= occurrence; i++) {
      at = body.indexOf(phrase, at + 1);
    }
    return resolver.resolve(List.of(new Span(at, at + phrase.length())));
  }

  @Test
  void kindsOfSources() {
    String body = "Vladimir Putin spoke. U.S. officials said so. The New York Times said so. "
        + "The Kremlin said so. Sources said so. A poll said so.";
    assertEquals(new SourceResolver.Resolved(SourceKind.PERSON, "Vladimir Putin"), resolve(body, "Vladimir Putin", 0));
    assertEquals(new SourceResolver.Resolved(SourceKind.OFFICIALS, "U.S. officials"), resolve(body, "U.S. officials", 0));
    assertEquals(new SourceResolver.Resolved(SourceKind.MEDIA, "The New York Times"), resolve(body, "The New York Times", 0));
    assertEquals(SourceKind.ORGANIZATION, resolve(body, "The Kremlin", 0).kind());
    assertEquals(new SourceResolver.Resolved(SourceKind.OFFICIALS, "Sources"), resolve(body, "Sources", 0));
    assertEquals(SourceKind.OTHER, resolve(body, "A poll", 0).kind());
  }

  @Test
  void aPronounResolvesToTheNearestPrecedingNamedPerson() {
    String body = "Hillary Clinton arrived. Then Donald Trump spoke. He said it was over.";
    assertEquals(new SourceResolver.Resolved(SourceKind.PRONOUN, "Donald Trump"), resolve(body, "He", 0));
  }

  @Test
  void aPronounWithNoPersonBeforeItStaysItself() {
    assertEquals(new SourceResolver.Resolved(SourceKind.PRONOUN, "He"), resolve("He said it was over.", "He", 0));
  }

  @Test
  void shortNamesAndAliasesTakeTheirCanonicalForm() {
    String body = "President Vladimir Putin spoke on Monday. Putin said so. The NYT said so. The newspaper said so.";
    assertEquals(new SourceResolver.Resolved(SourceKind.PERSON, "Vladimir Putin"), resolve(body, "Putin", 1));
    assertEquals(new SourceResolver.Resolved(SourceKind.MEDIA, "The New York Times"), resolve(body, "The NYT", 0));
    assertEquals(new SourceResolver.Resolved(SourceKind.MEDIA, "The New York Times"), resolve(body, "The newspaper", 0));
  }

  @Test
  void aRoleTheArticleGaveANamedPersonIsThatPerson() {
    String body = "Russian President Dmitry Medvedev spoke on Monday. The Russian president said so. The president said so.";
    assertEquals(new SourceResolver.Resolved(SourceKind.PERSON, "Dmitry Medvedev"), resolve(body, "The Russian president", 0),
        "the article's own naming comes before the shipped table");
    assertEquals(new SourceResolver.Resolved(SourceKind.PERSON, "Dmitry Medvedev"), resolve(body, "The president", 0));
  }

  @Test
  void namesAndRolesTheArticleLeavesOpenTakeTheShippedCanonicalName() {
    assertEquals(new SourceResolver.Resolved(SourceKind.PERSON, "Vladimir Putin"), resolve("Putin said so.", "Putin", 0));
    assertEquals(new SourceResolver.Resolved(SourceKind.PERSON, "Vladimir Putin"),
        resolve("The Russian president said so.", "The Russian president", 0));
    assertEquals(new SourceResolver.Resolved(SourceKind.PERSON, "Vladimir Putin"),
        resolve("The Kremlin leader said so.", "The Kremlin leader", 0));
    assertEquals(new SourceResolver.Resolved(SourceKind.PERSON, "president"), resolve("The president said so.", "The president", 0),
        "a role the table cannot pin to one person stays a description");
  }
}
