//! Money as whole cents: no amount is ever a float.

use std::fmt;
use std::iter::Sum;
use std::ops::Add;

use super::text::{group_thousands, split_decimal, strip_digit_spaces};

/// An amount of money in euro cents. Never negative: the convention only has fees and shares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(u64);

/// The largest annual fee accepted (1 000 000,00 €): keeps every total far from overflow.
pub const MAX_ANNUAL_FEE: Money = Money(100_000_000);

/// Why a decimal text is not an amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing but spaces (and a "€").
    Empty,
    /// Not a decimal: letters, several separators, an exponent…
    NotANumber,
    /// More than 2 decimals: below the cent.
    TooManyDecimals,
    /// Zero or negative.
    NotPositive,
    /// Above [`MAX_ANNUAL_FEE`].
    TooLarge,
}

impl MoneyError {
    /// The French message, to follow the field's name.
    pub fn message(&self) -> &'static str {
        match self {
            MoneyError::Empty => "le montant est vide",
            MoneyError::NotANumber => {
                "n'est pas un montant (écrire par exemple 150 ou 150,50, sans symbole)"
            }
            MoneyError::TooManyDecimals => "un montant a au plus 2 décimales (centimes)",
            MoneyError::NotPositive => "le montant doit être supérieur à zéro",
            MoneyError::TooLarge => "le montant dépasse le maximum accepté de 1 000 000,00 €",
        }
    }
}

impl Money {
    /// Zero: `0,00 €`.
    pub const ZERO: Money = Money(0);

    /// `cents` euro cents.
    pub const fn from_cents(cents: u64) -> Money {
        Money(cents)
    }

    /// `euros` whole euros.
    pub const fn from_euros(euros: u64) -> Money {
        Money(euros * 100)
    }

    /// The amount in cents.
    pub const fn cents(self) -> u64 {
        self.0
    }

    /// `self × n`, for a fee times a number of units.
    pub fn times(self, n: u64) -> Money {
        Money(self.0.saturating_mul(n))
    }

    /// Difference of two amounts where `self >= other` (saturates at zero otherwise).
    pub fn minus(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }

    /// Parses an annual fee: a decimal with a dot or a comma, at most 2 decimals, above zero,
    /// at most [`MAX_ANNUAL_FEE`]. Spaces (as in "1 234,50") and a trailing "€" are tolerated.
    pub fn parse_fee(text: &str) -> Result<Money, MoneyError> {
        let cleaned = strip_digit_spaces(text.trim().trim_end_matches('€'));
        if cleaned.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (int_part, frac_part) = split_decimal(&cleaned);
        if cleaned.starts_with('-') {
            return Err(MoneyError::NotPositive);
        }
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (int_part.is_empty() && frac_part.is_empty()) || !digits(int_part) || !digits(frac_part)
        {
            return Err(MoneyError::NotANumber);
        }
        if frac_part.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        let int_value: u64 = if int_part.is_empty() {
            0
        } else if int_part.len() > 12 {
            return Err(MoneyError::TooLarge);
        } else {
            int_part.parse().map_err(|_| MoneyError::NotANumber)?
        };
        let mut frac_cents: u64 = if frac_part.is_empty() {
            0
        } else {
            frac_part.parse().map_err(|_| MoneyError::NotANumber)?
        };
        if frac_part.len() == 1 {
            frac_cents *= 10;
        }
        let cents = int_value * 100 + frac_cents;
        if cents == 0 {
            return Err(MoneyError::NotPositive);
        }
        if cents > MAX_ANNUAL_FEE.0 {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money(cents))
    }

    /// The amount as the scenario file writes it: `"150.00"`.
    pub fn to_decimal_string(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// French format: `1 234,50 €` (ordinary spaces; the page keeps amounts on one line).
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Without a width or a precision to pad to, written straight out, with no allocation:
        // amounts are formatted by the thousand.
        let (euros, cents) = (group_thousands(self.0 / 100), self.0 % 100);
        if f.width().is_none() && f.precision().is_none() {
            write!(f, "{euros},{cents:02} €")
        } else {
            f.pad(&format!("{euros},{cents:02} €"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_format() {
        assert_eq!(Money::from_cents(123_450).to_string(), "1 234,50 €");
        assert_eq!(Money::from_euros(150).to_string(), "150,00 €");
        assert_eq!(Money::from_euros(93_750).to_string(), "93 750,00 €");
        assert_eq!(Money::from_cents(5).to_string(), "0,05 €");
        assert_eq!(Money::from_euros(1_000_000).to_string(), "1 000 000,00 €");
    }

    #[test]
    fn french_format_pads_as_a_string() {
        assert_eq!(format!("{:>12}", Money::from_euros(150)), "    150,00 €");
        assert_eq!(format!("{:<9}|", Money::from_cents(5)), "0,05 €   |");
        assert_eq!(format!("{:.3}", Money::from_euros(150)), "150");
    }

    #[test]
    fn parse_fee_accepts_the_format_s_forms() {
        assert_eq!(Money::parse_fee("150"), Ok(Money::from_euros(150)));
        assert_eq!(Money::parse_fee("150.5"), Ok(Money::from_cents(15_050)));
        assert_eq!(Money::parse_fee("150.00"), Ok(Money::from_euros(150)));
        assert_eq!(Money::parse_fee("150,50"), Ok(Money::from_cents(15_050)));
        assert_eq!(
            Money::parse_fee(" 1 234,50 € "),
            Ok(Money::from_cents(123_450))
        );
        assert_eq!(Money::parse_fee(".5"), Ok(Money::from_cents(50)));
    }

    #[test]
    fn parse_fee_refuses_bad_amounts() {
        assert_eq!(Money::parse_fee(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse_fee("abc"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_fee("1.2.3"), Err(MoneyError::NotANumber));
        assert_eq!(
            Money::parse_fee("150.001"),
            Err(MoneyError::TooManyDecimals)
        );
        assert_eq!(Money::parse_fee("-150"), Err(MoneyError::NotPositive));
        assert_eq!(Money::parse_fee("0"), Err(MoneyError::NotPositive));
        assert_eq!(Money::parse_fee("0.00"), Err(MoneyError::NotPositive));
        assert_eq!(Money::parse_fee("1000000.01"), Err(MoneyError::TooLarge));
        assert_eq!(
            Money::parse_fee("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(Money::parse_fee("1e3"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_fee("."), Err(MoneyError::NotANumber));
    }
}
