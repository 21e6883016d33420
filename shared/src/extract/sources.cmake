# Extraction sources, owned by the extractors. Paths relative to shared/.
set(NEWSARC_EXTRACT_SOURCES
  src/extract/extract.cc
)
