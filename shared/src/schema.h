// The index schema: every term prefix and value slot newsarc uses, in one
// place. Indexer and searcher both read this file; nothing else may invent a
// prefix or a slot. (Omega keeps the same contract in termprefixes.rst.)
#ifndef NEWSARC_SRC_SCHEMA_H_
#define NEWSARC_SRC_SCHEMA_H_

#include <charconv>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsarc::internal::schema {

// ---- Term prefixes -------------------------------------------------------
// Free text (body and title) is indexed without a prefix, stemmed forms
// with "Z" (Xapian's STEM_SOME convention). All text is FoldText()ed first.
inline constexpr std::string_view kTitle = "S";         // title words (title:)
inline constexpr std::string_view kId = "Q";            // unique article key (hashed if long)
inline constexpr std::string_view kFile = "XF";         // source file key: every article of a file
inline constexpr std::string_view kSite = "H";          // host and its parent domains (site:)
inline constexpr std::string_view kLanguage = "L";      // ISO 639-1 code (lang:)
inline constexpr std::string_view kYear = "XY";         // "2017"
inline constexpr std::string_view kSpeakerWord = "XSW"; // one word of a speaker's name or alias (speaker:rudd)
inline constexpr std::string_view kSpeaker = "XSP";     // a speaker's whole folded name or alias (speaker:"amber rudd")
inline constexpr std::string_view kOrgWord = "XOW";     // one word of an organisation's name or alias (org:whatsapp)
inline constexpr std::string_view kOrg = "XOR";         // an organisation's whole folded name or alias (org:"metropolitan police")
// Quotes have no prefix or slot: their words are body words, and the quotes
// themselves (speaker, text, direct, paragraph) are in the document data
// (stored_fields.h, format 2), matched at search time (quote_search.h).

// The first term of a document's term list [t, end) with `prefix` ("" if
// none): a document's one kId or kFile term.
inline std::string TermWithPrefix(Xapian::TermIterator t, const Xapian::TermIterator& end,
                                  std::string_view prefix) {
  t.skip_to(std::string(prefix));
  if (t == end || !(*t).starts_with(prefix)) return "";
  return *t;
}

// ---- Value slots -----------------------------------------------------------
inline constexpr Xapian::valueno kSlotDate = 0;      // "YYYYMMDD" (sorts as a string); absent if unknown
inline constexpr Xapian::valueno kSlotVersion = 1;   // Xapian::sortable_serialise(version)
inline constexpr Xapian::valueno kSlotSpeakers = 2;  // display names, '\n'-separated (facets)
inline constexpr Xapian::valueno kSlotOrgs = 3;      // display names, '\n'-separated (facets)
inline constexpr Xapian::valueno kSlotSite = 4;      // host without "www."
// Slot 5 held the source file key in schema 1 indexes; it is read from the
// kFile term now (SourceFileKey in index_writer.cc) and no longer written.
// Near-duplicate key (the searcher collapses on it): 16 hex digits of a
// 64-bit hash over the article's folded words, see CollapseKey() in
// collapse_key.h. Copies of one wire story share it. Absent in indexes
// built before it existed: such articles are never collapsed.
inline constexpr Xapian::valueno kSlotCollapse = 6;
// The same key again, only on the articles that share it with another
// article of the same index (MarkCopies in collapse_key.h): a search
// collapses on this slot, whose few values cost far fewer block reads than a
// key on every article, while each database's kMetaCopies names its current
// revision (and, for the shards of one index, one group); otherwise on
// kSlotCollapse.
inline constexpr Xapian::valueno kSlotCopies = 9;
inline constexpr Xapian::valueno kSlotLanguage = 7;  // ISO 639-1 code as in kLanguage (facets)
// The stored fields a hit list shows (SerializeFields without the body and
// the quotes): a hit without a snippet reads this value and not the
// document data, whose compressed body costs ~10 us per hit to inflate.
// Absent in indexes built before it existed: the searcher then reads the
// document data.
inline constexpr Xapian::valueno kSlotHitFields = 8;

// ---- Weighting -------------------------------------------------------------
// Title words are indexed once more without a prefix with this wdf, so that
// BM25 ranks a title match above a body match.
inline constexpr Xapian::termcount kTitleWdf = 4;
// Gap in term positions between title and body, and between entity names,
// so that phrases never match across them.
inline constexpr Xapian::termpos kFieldGap = 100;

// ---- Metadata keys ---------------------------------------------------------
// "F" + file key  -> serialised FileRecord (path, stamp, article ids)
// "C" + id key    -> serialised list of (file key, version) claiming the id
inline constexpr std::string_view kMetaFile = "F";
inline constexpr std::string_view kMetaClaims = "C";
inline constexpr std::string_view kMetaSchemaVersion = "newsarc-schema";
// The version this newsarc writes. Version 2 writes shorter file records
// (index_writer.cc), packs an id named after its file in the hit fields
// (stored_fields.cc) and has no file key slot; newsarc reads versions 1 and 2
// (SchemaReadable) and marks a version 1 index 2 when it writes to it, so
// that an older newsarc refuses it instead of misreading its records.
inline constexpr std::string_view kSchemaVersion = "2";
inline bool SchemaReadable(std::string_view version) {
  return version == "1" || version == kSchemaVersion;
}
// The version of the extractor (kExtractorVersion, extract.h) that read every
// file of the index (in the database that holds the file records); absent:
// 0, an index of a newsarc that did not record it. Written when an index is
// created, and by the Commit after which no file is left that an older
// extractor read (IndexWriter::FilesFromOlderExtractor). Any newsarc reads
// such an index: the version says which files to read again, not how.
inline constexpr std::string_view kMetaExtractor = "newsarc-extractor";
// The version a kMetaExtractor value records: 0 when it is empty or not a
// number (an index of a newsarc that did not record it).
inline int RecordedExtractorVersion(std::string_view recorded) {
  int version = 0;
  const char* end = recorded.data() + recorded.size();
  if (std::from_chars(recorded.data(), end, version).ptr != end || version < 0) return 0;
  return version;
}
// Sharded indexes (shard_layout.h). In the metadata database (the first of
// the stub): the layout ("hash 4", "year", "month") and, for time shards,
// "K" + id key -> name of the shard holding the article. In any index: the
// partition it holds ("1/4"; absent: every article).
inline constexpr std::string_view kMetaLayout = "newsarc-layout";
inline constexpr std::string_view kMetaPartition = "newsarc-partition";
inline constexpr std::string_view kMetaShardOf = "K";
// In the metadata database: "newsarc-rev:" + shard name -> the shard's
// revision when the metadata was last committed. A shard with a higher one
// was committed by a run that was killed before it recorded its files.
inline constexpr std::string_view kMetaShardRevision = "newsarc-rev:";

// The revision whose kSlotCopies values are complete: every article whose
// kSlotCollapse key another article of the index shares has it; then, for
// shards marked together, a space and their group name (collapse_key.h).
inline constexpr std::string_view kMetaCopies = "newsarc-copies";

// Xapian terms are limited to 245 bytes; keys longer than this are replaced
// by a prefix of themselves plus a hash.
inline constexpr size_t kMaxKeyBytes = 200;

}  // namespace newsarc::internal::schema

#endif  // NEWSARC_SRC_SCHEMA_H_
