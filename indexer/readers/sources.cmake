# Reader sources, paths relative to indexer/.
set(NEWSARC_READER_SOURCES
  readers/reader.cc
)
