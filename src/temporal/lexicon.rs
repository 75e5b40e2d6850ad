//! Word lists of the temporal grammar: months, weekdays, number words, units,
//! seasons and parts of the day, each mapped to its TIMEX3 meaning.

/// Month number for a month name or abbreviation ("dec" → 12).
pub fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True if `word` is an abbreviation that is only a month when written with a
/// period or before a number ("Dec. 5", "Dec 5").
pub fn is_month_abbreviation(word: &str) -> bool {
    month(word).is_some() && word.len() <= 4 && word != "may" && word != "june" && word != "july"
}

/// Weekday index (0 = Monday) for a weekday name.
pub fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

/// True for a capitalized word that, after a day's name, makes it the day of
/// a rite, not part of a name: "Sunday Mass", "Christmas Vigil" (but "Sunday
/// Times", "Christmas Island" are names).
pub fn is_rite(word: &str) -> bool {
    matches!(word, "mass" | "vigil")
}

/// The value of a number word up to ninety-nine's parts ("twenty" → 20).
pub fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// The number of an ordinal word or numeral ("third" → 3, "21st" → 21).
pub fn ordinal(word: &str) -> Option<u32> {
    let named = match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => 0,
    };
    if named > 0 {
        return Some(named);
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
}

/// A unit of time and its TIMEX3 letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Weekends (only as a date: "last weekend").
    Weekend,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// The TIMEX3 duration value for `n` of this unit ("P3D", "PT5H"); `None` amount gives "PXD".
    pub fn duration(self, n: Option<u32>) -> String {
        let amount = n.map_or("X".to_string(), |n| n.to_string());
        match self {
            Unit::Second => format!("PT{amount}S"),
            Unit::Minute => format!("PT{amount}M"),
            Unit::Hour => format!("PT{amount}H"),
            Unit::Day => format!("P{amount}D"),
            Unit::Week | Unit::Weekend => format!("P{amount}W"),
            Unit::Month => format!("P{amount}M"),
            Unit::Quarter => format!("P{amount}Q"),
            Unit::Year => format!("P{amount}Y"),
            Unit::Decade => format!("P{amount}E"),
            Unit::Century => format!("P{amount}C"),
        }
    }
}

/// The unit named by a singular or plural unit word.
pub fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "second" | "seconds" => Unit::Second,
        "minute" | "minutes" => Unit::Minute,
        "hour" | "hours" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "weekend" | "weekends" => Unit::Weekend,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

/// The TIMEX3 season code ("summer" → "SU").
pub fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// The TIMEX3 part-of-day code ("morning" → "MO").
pub fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}
