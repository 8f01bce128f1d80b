//! Text helpers shared by the engine and `io`: names folded for comparison, numbers written
//! the French way (`1 234`, `11,2`), and decimals read with a comma or a dot (`3,5`, `3.5`).
//! No rule lives here; the rules and the readers call these.

use std::fmt;

/// Why `c` may not be in a text of a scenario, a list or a document, if it may not: a control
/// character (XML and a terminal both forbid or act on them), a line or paragraph separator, a
/// bidirectional control that can reverse a line as it is read (U+202A–U+202E, U+2066–U+2069),
/// or a Unicode noncharacter (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane, which XML
/// forbids in part).
pub fn forbidden_char(c: char) -> Option<&'static str> {
    let n = c as u32;
    if c.is_control() {
        Some("un caractère de contrôle")
    } else if matches!(c, '\u{2028}' | '\u{2029}') {
        Some("un séparateur de ligne")
    } else if (0x202A..=0x202E).contains(&n) || (0x2066..=0x2069).contains(&n) {
        Some("un caractère qui inverse le sens de lecture")
    } else if (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE {
        Some("un caractère interdit par Unicode")
    } else {
        None
    }
}

/// The longest excerpt of a value a message quotes, in characters.
pub const EXCERPT_CHARS: usize = 60;

/// `text` as a message quotes it: at most [`EXCERPT_CHARS`] characters, « … » after a longer
/// one, every [`forbidden_char`] shown as `�`: a message never carries a terminal escape, a
/// reversed line or a whole page of text.
pub fn excerpt(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| {
            if forbidden_char(c).is_some() {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(EXCERPT_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// `text` without the characters XML 1.0 forbids (C0 controls but tab, line feed and carriage
/// return; U+FFFE, U+FFFF) and the other [`forbidden_char`]s but line breaks and tabs: what a
/// document may hold, whatever reached it.
pub fn document_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let keep = |c: char| matches!(c, '\t' | '\n' | '\r') || forbidden_char(c).is_none();
    if text.chars().all(keep) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| keep(c)).collect())
    }
}

/// Folds a name for comparison: lower case, accents removed, spaces and punctuation dropped.
/// "Sainte-Foy-lès-Lyon" and "SAINTE FOY LES LYON" fold alike.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => continue,
        };
        out.push_str(folded);
    }
    out
}

/// A whole number with its digits grouped by three, French style, with ordinary spaces:
/// `93 750`. Built on the stack (amounts are formatted by the thousand); shown with
/// [`Display`](fmt::Display), which honours width and alignment, or [`Grouped::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grouped {
    // u64::MAX has 20 digits, so 6 separators.
    buf: [u8; 26],
    start: usize,
}

impl Grouped {
    /// The grouped digits.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits and spaces were written.
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or_default()
    }
}

impl fmt::Display for Grouped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// `n` with its digits grouped by thousands: `group_thousands(1_234_567)` shows `1 234 567`.
pub fn group_thousands(n: u64) -> Grouped {
    let mut buf = [0u8; 26];
    let mut i = buf.len();
    let mut rest = n;
    let mut digits = 0;
    loop {
        if digits > 0 && digits % 3 == 0 {
            i -= 1;
            buf[i] = b' ';
        }
        i -= 1;
        buf[i] = b'0' + (rest % 10) as u8;
        digits += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    Grouped { buf, start: i }
}

/// `11,2`: a decimal number in French, rounded to 2 decimals, without trailing zeros.
pub fn fr_decimal(x: f64) -> String {
    decimal_comma(trim_fraction_zeros(&fixed(x, 2)))
}

/// `x` with `digits` decimals (at most 3), rounded, written with a point: `fixed(11.25, 1)` is
/// `11.3`. Written with integers: the WebAssembly build then carries no float formatting code.
pub fn fixed(x: f64, digits: u32) -> String {
    let digits = digits.min(3);
    let scale = 10_i64.pow(digits);
    let scaled = (x * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    let whole = abs / scale as u64;
    if digits == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = abs % scale as u64;
    format!("{sign}{whole}.{fraction:0width$}", width = digits as usize)
}

/// « s » for more than one (« 2 jours francs »), nothing for one or none.
pub fn plural<N: PartialOrd + From<u8>>(n: N) -> &'static str {
    if n > N::from(1) { "s" } else { "" }
}

/// The decimal point of `text` written as a comma: `150.00` → `150,00`.
pub fn decimal_comma(text: &str) -> String {
    text.replace('.', ",")
}

/// Drops the zeros that end a decimal's fraction, then a separator left alone:
/// `150.50` → `150.5`, `150.0` → `150`, `3,00` → `3`. A number without a separator is
/// returned whole (`150` stays `150`).
pub fn trim_fraction_zeros(text: &str) -> &str {
    if text.contains(['.', ',']) {
        text.trim_end_matches('0').trim_end_matches(['.', ','])
    } else {
        text
    }
}

/// Removes the spaces a French number may group its digits with: ordinary, no-break (U+00A0)
/// and narrow no-break (U+202F). `1 234,50` → `1234,50`.
pub fn strip_digit_spaces(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect()
}

/// Splits a decimal at its separator, the first dot or comma: `1234,50` → `("1234", "50")`,
/// `.5` → `("", "5")`, `150` → `("150", "")`. The parts are not checked.
pub fn split_decimal(text: &str) -> (&str, &str) {
    match text.find(['.', ',']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_excerpts_and_document_text() {
        for c in [
            '\u{0}',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{2028}',
            '\u{202e}',
            '\u{2066}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert!(forbidden_char(c).is_some(), "U+{:04X}", c as u32);
        }
        for c in [
            'a', 'é', '€', '🦀', '\u{200e}', '\u{fffd}', '\u{fdcf}', '\u{fdf0}',
        ] {
            assert!(forbidden_char(c).is_none(), "U+{:04X}", c as u32);
        }
        assert_eq!(excerpt("a\u{1b}]0;x\u{7}b"), "a\u{fffd}]0;x\u{fffd}b");
        let long = "x".repeat(1_000_000);
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS + 1);
        assert_eq!(excerpt(&"y".repeat(60)), "y".repeat(60));
        assert_eq!(document_safe("a\u{fffe}b\u{202e}c\nd"), "abc\nd");
        assert!(matches!(
            document_safe("propre"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn fixed_decimals_match_float_formatting() {
        for x in [
            0.0, 0.04, 0.05, 1.0, 11.2, 11.25, 149.999, -3.46, 1234.5, 93_750.0, -0.04,
        ] {
            for digits in 0..=3 {
                let want = format!("{x:.*}", digits as usize);
                // A negative number that rounds to zero is written without its sign.
                let zero = want
                    .trim_start_matches('-')
                    .chars()
                    .all(|c| c == '0' || c == '.');
                let want = if zero {
                    want.trim_start_matches('-').to_string()
                } else {
                    want
                };
                let got = fixed(x, digits);
                // Float formatting rounds half to even on the binary value; both agree away from ties.
                if (x * 10f64.powi(digits as i32)).fract().abs() != 0.5 {
                    assert_eq!(got, want, "{x} {digits}");
                }
            }
        }
        assert_eq!(fixed(11.25, 1), "11.3");
        assert_eq!(fr_decimal(11.2), "11,2");
        assert_eq!(fr_decimal(3.0), "3");
    }

    #[test]
    fn names_fold_alike() {
        assert_eq!(fold_name("Sainte-Foy-lès-Lyon"), "saintefoyleslyon");
        assert_eq!(
            fold_name("SAINTE FOY LES LYON"),
            fold_name("Sainte-Foy-lès-Lyon")
        );
        assert_eq!(fold_name("Œuvre d'Été"), "oeuvredete");
        assert_eq!(fold_name(" - "), "");
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(0).as_str(), "0");
        assert_eq!(group_thousands(625).as_str(), "625");
        assert_eq!(group_thousands(93_750).to_string(), "93 750");
        assert_eq!(group_thousands(1_000_000).to_string(), "1 000 000");
        assert_eq!(
            group_thousands(u64::MAX).as_str(),
            "18 446 744 073 709 551 615"
        );
        assert_eq!(format!("{:>8}", group_thousands(1234)), "   1 234");
    }

    #[test]
    fn french_decimals() {
        assert_eq!(fr_decimal(11.2), "11,2");
        assert_eq!(fr_decimal(10.0), "10");
        assert_eq!(fr_decimal(3.456), "3,46");
        assert_eq!(decimal_comma("150.00"), "150,00");
        assert_eq!(trim_fraction_zeros("150.50"), "150.5");
        assert_eq!(trim_fraction_zeros("150.0"), "150");
        assert_eq!(trim_fraction_zeros("3,00"), "3");
        assert_eq!(trim_fraction_zeros("150"), "150");
    }

    #[test]
    fn reading_decimals() {
        assert_eq!(
            strip_digit_spaces("1 234\u{a0}567\u{202f}8,5"),
            "12345678,5"
        );
        assert_eq!(split_decimal("1234,50"), ("1234", "50"));
        assert_eq!(split_decimal("150.5"), ("150", "5"));
        assert_eq!(split_decimal(".5"), ("", "5"));
        assert_eq!(split_decimal("150"), ("150", ""));
    }
}
