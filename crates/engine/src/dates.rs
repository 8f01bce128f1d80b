//! Calendar arithmetic (the month-end rule of R1) and French date wording.

use chrono::{Datelike, Months, NaiveDate, Weekday};

/// The first year a scenario date may have: with [`MAX_YEAR`], wide enough for any
/// convention, narrow enough that every computation stays far from chrono's limits.
pub const MIN_YEAR: i32 = 1900;
/// The last year a scenario date may have (see [`MIN_YEAR`]).
pub const MAX_YEAR: i32 = 2300;

/// `date + months`, keeping the day number, or the last day of the target month when it has
/// no such day (CPC art. 641). Negative `months` count backwards the same way.
pub fn add_months(date: NaiveDate, months: i32) -> NaiveDate {
    let shifted = if months >= 0 {
        date.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    };
    // Scenario dates lie within MIN_YEAR..=MAX_YEAR, so this never saturates in practice.
    shifted.unwrap_or(if months >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// `date + years` by the same rule: 2024-02-29 + 1 year = 2025-02-28.
pub fn add_years(date: NaiveDate, years: i32) -> NaiveDate {
    add_months(date, years.saturating_mul(12))
}

/// The day after `date`.
pub fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// The day before `date`.
pub fn previous_day(date: NaiveDate) -> NaiveDate {
    date.pred_opt().unwrap_or(date)
}

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day, a real date).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if !text.is_ascii() || b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |s: &str| -> Option<u32> {
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let year = num(&text[0..4])? as i32;
    let month = num(&text[5..7])?;
    let day = num(&text[8..10])?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A day as a person or a spreadsheet writes it: `16/11/2023`, `16/11/23` (this century),
/// `16.11.2023`, `16-11-2023` or `2023-11-16`; `None` for anything else or a day that does not
/// exist.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = parse_iso(text) {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
        || parts[0].len() > 2
        || parts[1].len() > 2
    {
        return None;
    }
    let year: i32 = match parts[2].len() {
        4 => parts[2].parse().ok()?,
        2 => 2000 + parts[2].parse::<i32>().ok()?,
        _ => return None,
    };
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, parts[1].parse().ok()?, parts[0].parse().ok()?)
}

/// `YYYY-MM-DD`, as the scenario and the report write dates.
pub fn iso(date: NaiveDate) -> String {
    // Written by hand: chrono's strftime weighs kilobytes in the web build.
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `16/08/2025`.
pub fn fr(date: NaiveDate) -> String {
    // Written by hand: the engine formats thousands of dates per simulation.
    let mut out = String::with_capacity(10);
    let two = |out: &mut String, n: u32| {
        out.push(char::from(b'0' + (n / 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
    };
    two(&mut out, date.day());
    out.push('/');
    two(&mut out, date.month());
    out.push('/');
    let year = date.year();
    if (1000..=9999).contains(&year) {
        two(&mut out, (year / 100) as u32);
        two(&mut out, (year % 100) as u32);
    } else {
        out.push_str(&year.to_string());
    }
    out
}

/// `samedi`.
pub fn fr_weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `samedi 16 août 2025`.
pub fn fr_long(date: NaiveDate) -> String {
    let day = if date.day() == 1 {
        "1er".to_string()
    } else {
        date.day().to_string()
    };
    format!(
        "{} {} {} {}",
        fr_weekday(date),
        day,
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// A day of the year, without the year: a date the convention repeats every year (the yearly
/// list's deadline, the access update). Ordered by month, then day, so
/// `MonthDay::of(date) <= deadline` reads "on or before the deadline in the date's year".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl MonthDay {
    /// The day `day` of month `month`.
    pub const fn new(month: u32, day: u32) -> MonthDay {
        MonthDay { month, day }
    }

    /// The month and day of `date`.
    pub fn of(date: NaiveDate) -> MonthDay {
        MonthDay::new(date.month(), date.day())
    }

    /// This day in `year`; `None` when `year` has no such day (29 February of a common year).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    /// `19 juin`, `1er août`.
    pub fn fr(self) -> String {
        let month = MONTHS
            .get(self.month.wrapping_sub(1) as usize)
            .copied()
            .unwrap_or_default();
        if self.day == 1 {
            format!("1er {month}")
        } else {
            format!("{} {month}", self.day)
        }
    }
}

/// Whole days from `from` to `to` (negative when `to` is past).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn a_day_as_people_and_spreadsheets_write_it() {
        for text in [
            "16/11/2023",
            " 16/11/23 ",
            "16.11.2023",
            "16-11-2023",
            "2023-11-16",
        ] {
            assert_eq!(parse_day(text), Some(d("2023-11-16")), "{text}");
        }
        assert_eq!(parse_day("1/2/2024"), Some(d("2024-02-01")));
        for text in [
            "31/02/2024",
            "16/11/202",
            "2023/11/16",
            "16/11",
            "",
            "seize",
            "16/11/1850",
        ] {
            assert_eq!(parse_day(text), None, "{text}");
        }
    }

    #[test]
    fn month_end_rule() {
        assert_eq!(add_years(d("2024-02-29"), 1), d("2025-02-28"));
        assert_eq!(add_years(d("2024-02-29"), 4), d("2028-02-29"));
        assert_eq!(add_months(d("2026-05-31"), -3), d("2026-02-28"));
        assert_eq!(add_months(d("2025-02-28"), -3), d("2024-11-28"));
        assert_eq!(add_months(d("2023-11-16"), 2), d("2024-01-16"));
        assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
    }

    #[test]
    fn strict_parsing() {
        assert_eq!(
            parse_iso("2023-11-16"),
            NaiveDate::from_ymd_opt(2023, 11, 16)
        );
        assert_eq!(parse_iso("2023-02-30"), None);
        assert_eq!(parse_iso("2023-2-3"), None);
        assert_eq!(parse_iso("16/11/2023"), None);
        assert_eq!(parse_iso("2023-11-16T00:00"), None);
        assert_eq!(parse_iso("+023-11-16"), None);
        assert_eq!(parse_iso("0023-11-16"), None);
        assert_eq!(
            parse_iso("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(parse_iso("2023-1é-16"), None);
        assert_eq!(parse_iso("2023-é-16"), None);
    }

    #[test]
    fn french_wording() {
        assert_eq!(fr(d("2025-08-16")), "16/08/2025");
        assert_eq!(fr_long(d("2025-08-16")), "samedi 16 août 2025");
        assert_eq!(fr_long(d("2026-11-01")), "dimanche 1er novembre 2026");
        assert_eq!(iso(d("2025-08-16")), "2025-08-16");
        assert_eq!(days_between(d("2026-11-30"), d("2026-12-02")), 2);
    }

    #[test]
    fn month_days() {
        let june_19 = MonthDay::new(6, 19);
        assert_eq!(june_19.fr(), "19 juin");
        assert_eq!(MonthDay::new(8, 1).fr(), "1er août");
        assert!(MonthDay::of(d("2025-06-19")) <= june_19);
        assert!(MonthDay::of(d("2025-06-20")) > june_19);
        assert!(MonthDay::of(d("2025-01-31")) < june_19);
        assert_eq!(june_19.in_year(2026), Some(d("2026-06-19")));
        assert_eq!(MonthDay::new(2, 29).in_year(2025), None);
    }
}
