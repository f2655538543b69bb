package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {
  private final LanguageIdentifier identifier = new LanguageIdentifier();

  // Sentences from MSRP (the detector's own best guesses were Afrikaans, Latin, Mandarin, Spanish)
  // beside sentences in other languages, which must keep theirs.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Cubs manager Dusty Baker sees his slugger struggling.|eng",
      "The Democratic sample has an error margin of plus or minus 6.1 percent.|eng",
      "Li is the deputy chairman of Cheung Kong (Holdings) Ltd. <0001.HK>.|eng",
      "Maria de Jesus Quiej Alvarez and Maria de Teresa Quiej Alvarez arrived at the airport in separate ambulances.|eng",
      "El gobierno identificó a los presuntos secuestradores y dijo que la investigación continúa en la capital.|spa",
      "Die Regierung hat die mutmaßlichen Entführer identifiziert und sagte, dass die Ermittlungen weitergehen.|deu"})
  void shortEnglishTextIsEnglishAndOtherLanguagesStayTheirs(String text, String language) {
    assertEquals(language, identifier.identify(text));
  }
}
