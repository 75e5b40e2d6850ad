//! Proleptic Gregorian calendar dates: parsing, formatting and day arithmetic.
//!
//! Used for the reference date of a document and by the date resolver. Kept
//! free of clocks and time zones: the caller supplies "today".

use std::fmt;

/// A calendar day (proleptic Gregorian), year 1 to 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of month, 1..=31.
    pub day: u32,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday
    Monday,
    /// Tuesday
    Tuesday,
    /// Wednesday
    Wednesday,
    /// Thursday
    Thursday,
    /// Friday
    Friday,
    /// Saturday
    Saturday,
    /// Sunday
    Sunday,
}

impl Weekday {
    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> u32 {
        self as u32
    }

    /// The weekday with the given index (0 = Monday), modulo 7.
    pub fn from_index(i: u32) -> Weekday {
        const ALL: [Weekday; 7] = [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ];
        ALL[(i % 7) as usize]
    }
}

/// True for Gregorian leap years.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date if the parts form a real calendar day in years 1..=9999.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date, four-digit year);
    /// [`str::parse`] says why a text is refused ([`DateError`]).
    pub fn parse_iso(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    /// Days since 0001-01-01 (which is day 0).
    pub fn to_days(self) -> i64 {
        // Shift the year to start in March so the leap day is the last day.
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        let era_days = 365 * y + y / 4 - y / 100 + y / 400;
        let month_days = (153 * m + 2) / 5;
        era_days + month_days + self.day as i64 - 1 - 306
    }

    /// The date `days` after 0001-01-01; `None` outside years 1..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        // Inverse of `to_days` (civil-from-days, March-based years).
        let z = days + 306;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = era * 400 + yoe + if month <= 2 { 1 } else { 0 };
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// This date moved by `n` days (negative moves back); `None` outside years 1..=9999.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days() + n)
    }

    /// This date moved by `n` months, clamping the day to the month's length.
    pub fn add_months(self, n: i64) -> Option<Date> {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + n;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// Day of the week.
    pub fn weekday(self) -> Weekday {
        // 0001-01-01 was a Monday in the proleptic Gregorian calendar.
        Weekday::from_index(self.to_days().rem_euclid(7) as u32)
    }

    /// ISO 8601 week-numbering year and week (1..=53).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.to_days() - self.weekday().index() as i64 + 3;
        let year = Date::from_days(thursday).map_or(self.year, |d| d.year);
        let jan1 = Date {
            year,
            month: 1,
            day: 1,
        }
        .to_days();
        (year, ((thursday - jan1) / 7 + 1) as u32)
    }
}

/// Why a text was refused as a `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` with ASCII digits (the text is kept).
    NotIso(String),
    /// Of that form, but no such day: "2025-02-30", month 13, year 0.
    NoSuchDay(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::NotIso(text) => write!(f, "{text:?} is not a date of the form YYYY-MM-DD."),
            DateError::NoSuchDay(text) => write!(
                f,
                "{text:?} has the form YYYY-MM-DD but is not a real calendar day."
            ),
        }
    }
}

impl std::error::Error for DateError {}

impl std::str::FromStr for Date {
    type Err = DateError;

    /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date, four-digit year).
    fn from_str(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            s.get(r.clone())
                .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|p| p.parse().ok())
        };
        let parts = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
            .then(|| Some((digits(0..4)?, digits(5..7)?, digits(8..10)?)))
            .flatten();
        let (year, month, day) = parts.ok_or_else(|| DateError::NotIso(s.to_string()))?;
        Date::new(year as i32, month, day).ok_or_else(|| DateError::NoSuchDay(s.to_string()))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(
            Date::parse_iso("2025-12-21"),
            Some(Date {
                year: 2025,
                month: 12,
                day: 21
            })
        );
        assert_eq!(Date::parse_iso("2024-02-29").map(|d| d.day), Some(29));
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-01",
            "25-12-21",
            "2025-12-21x",
            "２０２５-12-21",
            "0000-01-01",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn refusals_say_whether_the_form_or_the_day_is_wrong() {
        assert_eq!(
            "21/12/2025".parse::<Date>().unwrap_err().to_string(),
            "\"21/12/2025\" is not a date of the form YYYY-MM-DD."
        );
        assert_eq!(
            "2025-02-30".parse::<Date>().unwrap_err(),
            DateError::NoSuchDay("2025-02-30".into())
        );
        assert_eq!(
            "0000-01-01".parse::<Date>().unwrap_err(),
            DateError::NoSuchDay("0000-01-01".into())
        );
        assert_eq!(
            "２０２５-12-21".parse::<Date>().unwrap_err(),
            DateError::NotIso("２０２５-12-21".into())
        );
    }

    #[test]
    fn day_numbers_round_trip_and_know_weekdays() {
        let sunday = Date::parse_iso("2025-12-21").unwrap();
        assert_eq!(sunday.weekday(), Weekday::Sunday);
        assert_eq!(
            Date::parse_iso("1996-08-22").unwrap().weekday(),
            Weekday::Thursday
        );
        assert_eq!(
            Date::parse_iso("2000-03-01")
                .unwrap()
                .add_days(-1)
                .unwrap()
                .to_string(),
            "2000-02-29"
        );
        assert_eq!(sunday.add_days(11).unwrap().to_string(), "2026-01-01");
        for days in (0..3_652_000).step_by(997) {
            assert_eq!(Date::from_days(days).unwrap().to_days(), days);
        }
    }

    #[test]
    fn months_clamp_and_weeks_follow_iso() {
        let jan31 = Date::parse_iso("2025-01-31").unwrap();
        assert_eq!(jan31.add_months(1).unwrap().to_string(), "2025-02-28");
        assert_eq!(jan31.add_months(-2).unwrap().to_string(), "2024-11-30");
        assert_eq!(
            Date::parse_iso("2025-12-21").unwrap().iso_week(),
            (2025, 51)
        );
        assert_eq!(
            Date::parse_iso("2021-01-03").unwrap().iso_week(),
            (2020, 53)
        );
        assert_eq!(Date::parse_iso("2024-12-30").unwrap().iso_week(), (2025, 1));
    }
}
