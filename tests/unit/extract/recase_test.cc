#include "extract/recase.h"

#include <gtest/gtest.h>

#include <string>

#include "newsarc/extract.h"

namespace newsarc {
namespace {

using internal::IsCaseless;
using internal::Recase;

TEST(Recase, CaselessIsCapitalsWithAlmostNoLowerCase) {
  EXPECT_TRUE(IsCaseless("PRESIDENT NASSER HAS GIVEN EVERY INDICATION", 20));
  EXPECT_TRUE(IsCaseless("ÉTAT ET SOCIÉTÉ", 5));
  // One lower-case letter in twenty-odd is still capitals ("McDONALD").
  EXPECT_TRUE(IsCaseless("McDONALD SAID THE COMPANY WOULD", 20));
  EXPECT_FALSE(IsCaseless("President Nasser has given every indication", 20));
  EXPECT_FALSE(IsCaseless("NASA", 20));  // too few letters to tell
  EXPECT_FALSE(IsCaseless("", 1));
  EXPECT_FALSE(IsCaseless("1963 -- 42", 1));
  // Addresses keep their case in a story in capitals.
  EXPECT_TRUE(
      IsCaseless("SEE https://en.wikinews.org/wiki/some_long_story_name OR WRITE TO "
                 "desk@example.org FOR THE FULL STORY",
                 20));
}

TEST(Recase, WordsLowerNamesCapitalisedSentencesOpened) {
  EXPECT_EQ(Recase("PRESIDENT NASSER HAS GIVEN EVERY INDICATION THAT HE INTENDS TO AVOID "
                   "THE MISTAKES. THE UNION WITH SYRIA FAILED."),
            "President Nasser has given every indication that he intends to avoid "
            "the mistakes. The union with Syria failed.");
}

TEST(Recase, GazetteerNamesAcronymsUnitsAndDots) {
  EXPECT_EQ(Recase("THE UNITED NATIONS AND NATO MET THE BBC IN THE U.S. ON A 250 FT SHIP."),
            "The United Nations and NATO met the BBC in the U.S. on a 250 ft ship.");
  // A function word that is also an acronym stays a word.
  EXPECT_EQ(Recase("IT WAS OVER."), "It was over.");
}

TEST(Recase, NamesAfterTitlesAndFirstNamesRolesAndOrganisations) {
  EXPECT_EQ(Recase("MR BROWN MET GORDON BROWN, SAID DEPUTY PRIME MINISTER JOHN SMITH."),
            "Mr Brown met Gordon Brown, said Deputy Prime Minister John Smith.");
  // Particles of names stay in lower case, and no acronym: "DE" is one in
  // the gazetteer.
  EXPECT_EQ(Recase("CHARLES DE GAULLE MET OSAMA BIN LADEN."),
            "Charles de Gaulle met Osama bin Laden.");
  // "JR." after a name is the suffix of generation, not an acronym.
  EXPECT_EQ(Recase("ROBERT DOWNEY JR., AN ACTOR, MET JOSEPH W. STILWELL JR."),
            "Robert Downey Jr., an actor, met Joseph W. Stilwell Jr.");
  // After a first name, a verb or an adverb stays a word.
  EXPECT_EQ(Recase("MICHAEL TURNED AWAY AND GORDON DUTIFULLY LEFT."),
            "Michael turned away and Gordon dutifully left.");
  // A word between a role and a name is a first name; a verb is not.
  EXPECT_EQ(Recase("HOME SECRETARY AMBER RUDD MET THE MINISTER. THE MINISTER TOLD REUTERS."),
            "Home Secretary Amber Rudd met the minister. The minister told Reuters.");
  // A name the gazetteer spells in mixed case, unless it is an English word.
  EXPECT_EQ(Recase("WHATSAPP MESSAGES ARE ENCRYPTED."), "WhatsApp messages are encrypted.");
  EXPECT_EQ(Recase("THE BAATH PARTY AND THE BANK OF ENGLAND SPOKE TO FRENCH POLICE."),
            "The Baath Party and the Bank of England spoke to French police.");
  EXPECT_EQ(Recase("THE MINISTRY OF TRANSPORT AGREED, THE HOUSE OF REPRESENTATIVES HOLDS "
                   "THAT THE NATIONAL POLICE AND CONGRESS MET THE DEPARTMENT OF "
                   "EMERGENCY SERVICES AND PUBLIC PROTECTION."),
            "The Ministry of Transport agreed, the House of Representatives holds that the "
            "National Police and Congress met the Department of Emergency Services and "
            "Public Protection.");
  // Not past a verb after a name, nor "for" after any head.
  EXPECT_EQ(Recase("THE CENTER FOR FOOD SAFETY AND THE ARMY FOR HELP. THE UNION OF BAATH "
                   "RESEMBLES THE OTHERS."),
            "The Center for Food Safety and the army for help. The Union of Baath resembles "
            "the others.");
  // A head whose own capital a name before it or an adjective gave goes on
  // with its "of" or "for" too; not into a person's calling after it.
  EXPECT_EQ(Recase("THE NATIONAL CONFERENCE OF STATE LEGISLATURES AND THE JOHNS HOPKINS "
                   "CENTER FOR HEALTH SECURITY MEDICAL ANTHROPOLOGIST MONICA SMITH MET."),
            "The National Conference of State Legislatures and the Johns Hopkins Center for "
            "Health Security medical anthropologist Monica Smith met.");
  // A speech verb opening a sentence stays a verb.
  EXPECT_EQ(Recase("IT WAS LATE. SAID POLK."), "It was late. said Polk.");
  // A first name that is also a word, before a name; "The" is in the list
  // of first names too, but a function word is none.
  EXPECT_EQ(Recase("THEN BILL KOWALSKI ASKED THE DOCKERS."),
            "Then Bill Kowalski asked the Dockers.");
}

TEST(Recase, QuotesContractionsAndHyphens) {
  EXPECT_EQ(Recase("\"I'M SO PROUD OF HIM.\" SAID HIS CO-AUTHOR, A YEMEN-BASED GEOLOGIST."),
            "\"I'm so proud of him.\" said his co-author, a Yemen-based geologist.");
  EXPECT_EQ(Recase("I\xE2\x80\x99M SURE."), "I\xE2\x80\x99m sure.");
  // Verb forms of words the word list lacks; a Chinese name is no verb.
  EXPECT_EQ(Recase("THE FILES WERE ENCRYPTED, XI JINPING SAID, BEFORE PLOUGHING ON."),
            "The files were encrypted, Xi Jinping said, before ploughing on.");
}

TEST(Recase, KeepsLengthAndLeavesMixedCaseWords) {
  const std::string in = "ZÜRICH'S McDONALD AND ÉMILE SAID 42 TIMES \xFF BAD WORDS.";
  const std::string out = Recase(in);
  ASSERT_EQ(out.size(), in.size());
  EXPECT_EQ(out, "Zürich's McDONALD and Émile said 42 times \xFF bad words.");
  EXPECT_EQ(Recase("Already edited text, Mr Brown."), "Already edited text, Mr Brown.");
  // Inside a gazetteer name too ("United Nations").
  EXPECT_EQ(Recase("THE UNITED nATIONS."), "The united nATIONS.");
}

TEST(Recase, ExtractReadsAnArticleInCapitals) {
  Article a;
  a.title = "NASSER RULES OUT UNION";
  a.body =
      "CAIRO -- PRESIDENT GAMAL ABDEL NASSER SAID ON MONDAY THAT EGYPT WOULD NOT JOIN THE "
      "UNION. \"WE WILL NOT REPEAT THE MISTAKES OF THE PAST,\" NASSER TOLD REPORTERS. A "
      "SPOKESMAN FOR THE BAATH PARTY SAID THE PARTY HAD GIVEN NO ANSWER.";
  const Extraction x = Extract(a);
  ASSERT_EQ(x.speakers.size(), 1u);
  EXPECT_EQ(x.speakers[0].name, "Gamal Abdel Nasser");
  ASSERT_EQ(x.organisations.size(), 1u);
  EXPECT_EQ(x.organisations[0].name, "Baath Party");
  // Quotes are shown as the article writes them.
  ASSERT_EQ(x.quotes.size(), 2u);
  EXPECT_EQ(x.quotes[0].speaker, "Gamal Abdel Nasser");
  EXPECT_EQ(x.quotes[0].text, "EGYPT WOULD NOT JOIN THE UNION");
  EXPECT_FALSE(x.quotes[0].direct);
  EXPECT_EQ(x.quotes[1].speaker, "Gamal Abdel Nasser");
  EXPECT_EQ(x.quotes[1].text, "WE WILL NOT REPEAT THE MISTAKES OF THE PAST");
  EXPECT_TRUE(x.quotes[1].direct);
}

}  // namespace
}  // namespace newsarc
