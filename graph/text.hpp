#pragma once
// Small UTF-8 and markdown helpers shared by the parsers. Character classes come from ICU.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::graph::text {

// Byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view s);

// Decodes the code point at `i` (valid UTF-8 assumed; a bad byte decodes as U+FFFD) and
// advances `i` past it.
char32_t decode(std::string_view s, std::size_t& i);

bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_digit(char32_t c);
bool is_word_char(char32_t c);  // letter or digit

std::string_view trim(std::string_view s);
std::string collapse_spaces(std::string_view s);  // runs of whitespace -> one space, trimmed

// Removes markdown emphasis and code markers (`**`, `*`, `__`, backticks) and resolves
// backslash escapes (`ToolChain\*` -> `ToolChain*`), then collapses spaces.
std::string strip_markup(std::string_view s);

// Leading whitespace width, tabs counting as 4 columns.
int indentation(std::string_view line);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

// ASCII upper-casing (section names), leaving other bytes alone.
std::string ascii_upper(std::string_view s);
std::string ascii_lower(std::string_view s);

}  // namespace citegraph::graph::text
