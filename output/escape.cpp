#include "output/escape.hpp"

#include <cstddef>
#include <cstdint>

namespace citegraph::output {
namespace {

struct Decoded {
    char32_t code_point = 0;
    std::size_t length = 1;  // bytes consumed, >= 1
    bool valid = false;
};

// Decodes one code point at text[pos]. On an ill-formed sequence, consumes its maximal
// subpart (the longest prefix that could still start a well-formed sequence, at least one
// byte), so a truncated sequence costs one U+FFFD and the byte that broke it is decoded
// afresh. Ranges follow Unicode Table 3-7, which excludes overlongs, surrogates and values
// above U+10FFFF.
Decoded decode_at(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t b0 = byte(pos);
    if (b0 < 0x80) return {b0, 1, true};

    std::size_t need = 0;  // continuation bytes
    std::uint8_t lo = 0x80;
    std::uint8_t hi = 0xBF;  // allowed range of the first continuation byte
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0Fu;
        if (b0 == 0xE0) lo = 0xA0;  // no overlongs
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07u;
        if (b0 == 0xF0) lo = 0x90;  // no overlongs
        if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return {kReplacementChar, 1, false};  // 80..C1 or F5..FF never start a sequence
    }

    std::size_t i = 1;
    for (; i <= need; ++i) {
        if (pos + i >= text.size()) return {kReplacementChar, i, false};
        const std::uint8_t b = byte(pos + i);
        const std::uint8_t range_lo = i == 1 ? lo : 0x80;
        const std::uint8_t range_hi = i == 1 ? hi : 0xBF;
        if (b < range_lo || b > range_hi) return {kReplacementChar, i, false};
        cp = (cp << 6) | (b & 0x3Fu);
    }
    return {cp, i, true};
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void append_hex4(std::string& out, char32_t cp) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
}

// Calls emit(code_point, bytes) for every code point of `text`, with ill-formed input
// already replaced by U+FFFD (and `bytes` then being the UTF-8 of U+FFFD).
template <typename Emit>
void for_each_code_point(std::string_view text, Emit&& emit) {
    static constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";
    std::size_t pos = 0;
    while (pos < text.size()) {
        const Decoded d = decode_at(text, pos);
        emit(d.code_point, d.valid ? text.substr(pos, d.length) : kReplacementUtf8);
        pos += d.length;
    }
}

bool is_xml_char(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_code_point(text, [&](char32_t, std::string_view bytes) { out += bytes; });
    return out;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
        switch (cp) {
            case '&': out += "&amp;"; return;
            case '<': out += "&lt;"; return;
            case '>': out += "&gt;"; return;  // also keeps "]]>" out of character data
            case '"': out += "&quot;"; return;
            case '\'': out += "&apos;"; return;
            case '\t': out += "&#9;"; return;
            case '\n': out += "&#10;"; return;
            case '\r': out += "&#13;"; return;
            default: break;
        }
        if (is_xml_char(cp))
            out += bytes;
        else
            append_utf8(out, kReplacementChar);
    });
    return out;
}

std::string dot_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    bool after_cr = false;
    for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
        const bool was_after_cr = after_cr;
        after_cr = cp == '\r';
        switch (cp) {
            case '"': out += "\\\""; return;
            case '\\': out += "\\\\"; return;
            case '\r': out += "\\n"; return;
            case '\n':
                if (!was_after_cr) out += "\\n";  // CRLF is one line break
                return;
            case '\t': out += bytes; return;
            default: break;
        }
        if (cp < 0x20 || cp == 0x7F)
            append_utf8(out, kReplacementChar);
        else
            out += bytes;
    });
    out += '"';
    return out;
}

std::string csv_field(std::string_view text) {
    std::string cell;
    cell.reserve(text.size() + 1);
    if (!text.empty()) {
        const char first = text.front();
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
            cell += '\'';
    }
    bool needs_quotes = false;
    for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
        if (cp == 0) {
            append_utf8(cell, kReplacementChar);
            return;
        }
        if (cp == ',' || cp == '"' || cp == '\r' || cp == '\n') needs_quotes = true;
        if (cp == '"') cell += '"';
        cell += bytes;
    });
    if (!needs_quotes) return cell;
    std::string out;
    out.reserve(cell.size() + 2);
    out += '"';
    out += cell;
    out += '"';
    return out;
}

std::string json_string(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
        switch (cp) {
            case '"': out += "\\\""; return;
            case '\\': out += "\\\\"; return;
            case '\b': out += "\\b"; return;
            case '\f': out += "\\f"; return;
            case '\n': out += "\\n"; return;
            case '\r': out += "\\r"; return;
            case '\t': out += "\\t"; return;
            default: break;
        }
        if (cp < 0x20 || cp == 0x2028 || cp == 0x2029)
            append_hex4(out, cp);
        else
            out += bytes;
    });
    out += '"';
    return out;
}

std::string pajek_label(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
        if (cp == '"')
            out += '\'';
        else if (cp == '\t' || cp == '\n' || cp == '\r')
            out += ' ';
        else if (cp < 0x20 || cp == 0x7F)
            append_utf8(out, kReplacementChar);
        else
            out += bytes;
    });
    out += '"';
    return out;
}

}  // namespace citegraph::output
