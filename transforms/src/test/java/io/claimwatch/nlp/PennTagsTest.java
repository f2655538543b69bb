package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PennTagsTest {
  private static String tags(String sentence) {
    return Analyzed.text(sentence).tokens().stream().map(Token::pos).collect(Collectors.joining(" "));
  }

  @Test
  void refinesTenseNumberAndModality() {
    assertEquals("NNP NNS VBD PRP MD VB IN DT NN .", tags("U.S. officials said he would agree to a ceasefire."));
    assertEquals("PRP VBZ JJ TO VB .", tags("He is ready to negotiate."));
    assertEquals("PRP VBZ VBN IN DT NN .", tags("It has happened in the past."));
  }
}
