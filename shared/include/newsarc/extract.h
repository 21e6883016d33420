// Speaker and organisation extraction, as the indexer runs it.
#ifndef NEWSARC_EXTRACT_H_
#define NEWSARC_EXTRACT_H_

#include "newsarc/article.h"
#include "newsarc/newsarc_export.h"

namespace newsarc {

// The version of what Extract finds, and of how the indexer reads a text into
// words. Raised with every change that makes the extractor find other speakers,
// organisations or quotes in some text, or the indexer other words (4: "U.S."
// is the word "us"; 5: "e-mail" is "email" too; 6: where its parts stand, so
// that the phrase "email address" matches "e-mail address"; 7: a verb or a
// function word that opens a sentence opens no name: "Whereas Pierce",
// "Remarked Center for Biological Diversity"; "announced the death of X"
// makes X no speaker; interview transcripts are quotes; 8: "his wife Mary
// said", first names tell a pronoun's sex; 9: "UK Supreme Court" and
// "Supreme Court of the United Kingdom" are one body, "Royal Saudi Air
// Force" and "City University Student Union" one name each; 10: "Turkish
// president Erdoğan", "Special Representative for Iran Brian Hook",
// "newspaper Magyar Nemzet" is no person, "@DrAmyActon", "XXI" and
// "((WSS))" no organisation, a later "he" the previous sentence's
// subject rather than its object; 11: "((WSS))" is the interviewer
// William S. Saturn when the article names him, "Cooperative Institute for
// Research in Environmental Sciences (CIRES)" one name, "George L. Pennock
// Trust" with its initial, "Bill and Melinda Gates Foundation", "Congressional
// Black Caucus", "characterized ... as", ", and his lawyers have claimed"
// speaks for no name before it, "posted a podcast" is no speech; "I WON
// THIS", "NG: ..." and "(LRIT) system" name no body; "operated by Viazul"
// names one, "the 101st Airborne Division" its number, "the Republican
// Senate" the Senate, "Lok Sabha" a body; 12: "Kanye West", a first name
// the lists lack before a common word that is a common surname; 13:
// "Rapper Kanye West", an agent noun of six letters; "Richardson had his
// own opinion. He ...", a man whose first name the lists give to women;
// "X reacted on Twitter, "..."", a comma before a quote as a colon; 14:
// "political scientist Ma Ngok", a noun for a person before two capitalised
// words; "Fifteen-year-old Robert"; "told a news conference the rate would
// fall": whom one tells is no part of what; "Queen Victoria Market" a
// place; 15: "Bloomberg" alone is Michael Bloomberg where the article
// names him; "Martin Luther King Jr." ends in its suffix; "won ten states",
// "riots ... continued across", "X died, the government announced" make no
// speaker of X; "Ahead of ..., Trump vowed", "As Harris visited ..., Biden
// campaign officials expressed": the main clause's subject; "Gazeta
// Wyborcza" and what "describes itself" are bodies; "Pech-de-l'Azé I.
// These" ends a sentence; "told them of its existence" tells no clause;
// "After X tweeted that ..., Twitter placed" ends what X said; 16:
// "Amber Rudd", "Crystal Smith", a first name that is also an English word
// before a surname that is none; "B Shiva Parvathi", an initial without
// its full stop; "Saying X is ...," and "Quoting X," are no speech of X;
// "National Disaster Risk Reduction and Management Council", "Cinema for
// Peace Foundation" whole; in capitals "NATIONAL CONFERENCE OF STATE
// LEGISLATURES" and "JOHNS HOPKINS CENTER FOR ..." whole; 17: "Rappler
// reported", "according to The Times", "a report by The Atlantic" name
// bodies; "Court of Appeals for the Third Circuit", "MRC Centre for Global
// Infectious Disease Analysis", "National Radio Hall of Fame", "British
// American Drama Academy", "American Red Cross" whole; 18: "the two PIs",
// "a BPL card [below poverty line]", "an SAT, in fifth grade", "Copyright
// Act (DMCA)", "British Columbia (B.C.)", "International Master (IM)" are
// terms, no bodies; "CCTV footage" and "HIV-AIDS" name none; 19:
// "Congress of South African Trade Unions", "Native American Rights Fund",
// "Philippine Red Cross", "Libyan House of Representatives" and "the
// Western District of Texas" whole; "Open Source Program Office (OSPO)"
// not "Program Office"; "Cigra Inc of Chicago" is "Cigra Inc"; a
// headline's "Sells Unit" and "Gets Navy" name no bodies; "General Electric
// Co said" keeps "General"), so that an index can tell the files an older
// newsarc read from those this one read (IndexWriter::FilesFromOlderExtractor,
// newsarc-index --reextract). Indexes written before versions were recorded
// count as 0. tests/e2e/test_cli.py
// (ExtractorVersion) keeps a fingerprint of the extractor's output over
// corpora/ for this version and fails when the output changes and the version
// does not.
inline constexpr int kExtractorVersion = 19;

// Finds the people quoted in `article` and the organisations it names.
// Pure function of title and body; thread-safe.
NEWSARC_EXPORT Extraction Extract(const Article& article);

}  // namespace newsarc

#endif  // NEWSARC_EXTRACT_H_
