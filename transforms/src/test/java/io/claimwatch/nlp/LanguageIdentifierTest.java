package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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

  // News paragraphs written for this test, each over 60 words: the word count alone must not take
  // them for English, and the detector must still name their language.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "El presidente del gobierno dijo el martes que las negociaciones con los sindicatos continuarán durante "
          + "toda la semana, aunque los representantes de los trabajadores han advertido que convocarán una huelga "
          + "general si no se aprueba el aumento salarial prometido. Según fuentes del ministerio, el acuerdo podría "
          + "firmarse antes del fin de mes, pero la oposición acusa al ejecutivo de retrasar deliberadamente la "
          + "reforma para ganar tiempo antes de las elecciones regionales.|spa",
      "Le ministre de l'Intérieur a annoncé mardi que les contrôles aux frontières seraient renforcés pendant "
          + "tout l'été, après une série d'incidents dans plusieurs villes du sud du pays. Selon le gouvernement, "
          + "la mesure vise à rassurer la population, mais les associations dénoncent une décision prise sans "
          + "concertation et craignent que les voyageurs les plus modestes soient les premiers touchés par ces "
          + "nouvelles règles, dont la durée reste incertaine.|fra",
      "Die Bundesregierung hat am Dienstag angekündigt, die Hilfen für die betroffenen Regionen bis zum Ende "
          + "des Jahres zu verlängern. Nach Angaben des Finanzministeriums sollen zusätzlich mehrere Milliarden Euro "
          + "bereitgestellt werden, doch die Opposition kritisiert, dass das Geld zu spät bei den Menschen ankomme. "
          + "Der Minister will die Pläne in der kommenden Woche im Bundestag vorstellen, wo eine Mehrheit als "
          + "sicher gilt, obwohl einige Abgeordnete Bedenken angemeldet haben.|deu",
      "De regering heeft dinsdag bekendgemaakt dat de steunmaatregelen voor ondernemers tot het einde van het "
          + "jaar worden verlengd. Volgens het ministerie van Financiën gaat het om enkele miljarden euro, maar de "
          + "oppositie vindt dat het geld veel te laat komt. Het was de vraag of de coalitie het eens zou worden, "
          + "want twee partijen wilden eerst weten of de kosten gedekt zijn. De minister zal het plan volgende week "
          + "in de Tweede Kamer verdedigen.|nld",
      "Regeringen meddelte tirsdag, at støtten til de ramte kommuner bliver forlænget til udgangen af året. "
          + "Ifølge Finansministeriet drejer det sig om flere milliarder kroner, men oppositionen mener, at "
          + "pengene kommer alt for sent frem til borgerne. Ministeren vil fremlægge planen for Folketinget i den "
          + "kommende uge, hvor et flertal anses for sikkert, selv om flere medlemmer har udtrykt bekymring for, "
          + "hvordan udgifterne skal finansieres, og for hvad det betyder for budgettet.|dan"})
  void longTextInAnotherLanguageIsLeftToTheDetector(String text, String language) {
    assertFalse(LanguageIdentifier.plainlyEnglish(text));
    assertEquals(language, identifier.identify(text));
  }

  @Test
  void longEnglishNewsIsEnglishWithoutTheDetector() {
    // Written for this test, in the manner of PolNeAR's political news; over 60 words.
    String english = "Donald Trump said Tuesday that he would not release his tax returns before the election, "
        + "breaking with decades of precedent, and his campaign manager said the returns were under audit. "
        + "The Republican nominee has said that he would release them when the audit was finished, but his "
        + "lawyers have said that nothing prevents him from making them public, and Democrats said that the "
        + "refusal raised questions about his business dealings abroad and his charitable giving.";
    assertTrue(LanguageIdentifier.plainlyEnglish(english));
    assertEquals(LanguageIdentifier.ENGLISH, identifier.identify(english));
  }
}
