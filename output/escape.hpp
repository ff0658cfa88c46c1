#pragma once
// All escaping for every output format lives here, and nowhere else.
//
// Every function takes arbitrary bytes (the graph holds whatever the inputs held) and
// returns text that is valid for its format. Input is read as UTF-8; bytes that are not
// well-formed UTF-8 are replaced by U+FFFD, one replacement per maximal ill-formed
// subsequence (Unicode 15, section 3.9, "U+FFFD Substitution of Maximal Subparts"), the
// same policy as Python's `bytes.decode("utf-8", "replace")` and the WHATWG decoder. Valid
// non-ASCII text (accents, CJK, emoji, right-to-left scripts) passes through unchanged.
//
// None of these functions throws except std::bad_alloc. All are O(n) in the input length.
#include <string>
#include <string_view>

namespace citegraph::output {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// The input as well-formed UTF-8: ill-formed sequences become U+FFFD, everything else
// (including control characters) is kept.
std::string sanitize_utf8(std::string_view text);

// Text for XML 1.0 character data or an attribute value (either quote style):
// & < > " ' become entity/character references; TAB, LF and CR become &#9; &#10; &#13; so
// attribute values keep them (an XML parser would otherwise normalize them to spaces).
// Characters that XML 1.0 forbids (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE,
// U+FFFF) and ill-formed UTF-8 become U+FFFD. The result does not include quotes.
std::string xml_escape(std::string_view text);

// A complete Graphviz DOT double-quoted string, quotes included, usable as an ID or any
// attribute value, labels included. `"` becomes \", a backslash becomes \\ (so Graphviz's
// label escapes \N \G \l \r ... never fire), LF, CRLF and lone CR become \n (a centred
// line break in labels). Other C0 controls, DEL and ill-formed UTF-8 become U+FFFD: NUL
// would end the string inside Graphviz, and the others would make Graphviz's SVG invalid.
// Example: `a"]; evil -> x [` becomes `"a\"]; evil -> x ["`.
std::string dot_quote(std::string_view text);

// One CSV cell per RFC 4180, for text cells (write numbers directly, not through this).
// A cell containing `,` `"` CR or LF is enclosed in double quotes with `"` doubled.
// A cell that starts with = + - @ TAB or CR gets a leading apostrophe, so spreadsheets
// (Excel, LibreOffice, Google Sheets) show it as text instead of running it as a formula
// (OWASP "CSV injection"). Ill-formed UTF-8 and NUL become U+FFFD.
std::string csv_field(std::string_view text);

// A complete JSON string literal (RFC 8259), quotes included. `"` and `\` are escaped,
// control characters U+0000-U+001F use \b \f \n \r \t or \u00XX, U+2028 and U+2029 use
// \u2028 and \u2029 (so the text is also a valid JavaScript literal), ill-formed UTF-8
// becomes U+FFFD. Everything else is emitted as UTF-8.
std::string json_string(std::string_view text);

// A complete Pajek (.net) label, quotes included. Pajek has no escape inside a quoted label
// and reads one vertex per line, so `"` becomes `'`, TAB, LF and CR become spaces, other C0
// controls, DEL and ill-formed UTF-8 become U+FFFD. Everything else (backslashes, `<`, `&`,
// emoji, right-to-left text) is kept; igraph's Read_Pajek gives it back unchanged.
// Example: `say "hi"\nnow` becomes `"say 'hi' now"`.
std::string pajek_label(std::string_view text);

}  // namespace citegraph::output
