// What the index writer tests share: ASSERT_OK, and a fixture with a fresh
// directory per test.
#ifndef NEWSARC_TESTS_UNIT_INDEX_INDEX_TEST_UTIL_H_
#define NEWSARC_TESTS_UNIT_INDEX_INDEX_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "newsarc/status.h"

#define ASSERT_OK(expr)                   \
  do {                                    \
    const ::newsarc::Status _s = (expr);  \
    ASSERT_TRUE(_s.ok()) << _s.message(); \
  } while (0)

namespace newsarc::testing {

// dir_: TMPDIR/newsarc-PREFIX-PID-TEST, empty at the start, removed at the end.
class TempDirTest : public ::testing::Test {
 protected:
  explicit TempDirTest(const std::string& prefix) : prefix_(prefix) {}
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("newsarc-" + prefix_ + "-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;

 private:
  std::string prefix_;
};

}  // namespace newsarc::testing

#endif  // NEWSARC_TESTS_UNIT_INDEX_INDEX_TEST_UTIL_H_
