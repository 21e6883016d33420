# Reader sources, paths relative to indexer/.
set(NEWSARC_READER_SOURCES
  readers/reader.cc
  readers/byte_source.cc
  readers/decode.cc
  readers/dates.cc
  readers/article_text.cc
  readers/archive_text_reader.cc
  readers/json_reader.cc
  readers/csv_reader.cc
  readers/html_reader.cc
  readers/feed_reader.cc
  readers/warc_reader.cc
)
