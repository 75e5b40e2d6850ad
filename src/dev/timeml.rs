//! A small TimeML reader for evaluation: the document creation time and the
//! TEXT content with its TIMEX3 tags turned into stand-off spans.
//!
//! Not a general XML parser: it strips tags, decodes the five XML entities and
//! numeric character references, and reads TIMEX3 attributes. That is all
//! TempEval-3 files need.

use super::Problem;
use crate::calendar::Date;

/// A gold TIMEX3 inside TEXT, in code point offsets of the stripped text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    /// The TIMEX3 value attribute.
    pub value: String,
}

/// One TimeML document.
#[derive(Clone, Debug)]
pub struct TimeMl {
    /// The document creation time (its day).
    pub dct: Date,
    /// The TEXT content, markup stripped and entities decoded.
    pub text: String,
    /// Gold TIMEX3 in TEXT, in document order.
    pub timexes: Vec<Timex>,
}

/// Parses a TimeML file's content.
pub fn parse(xml: &str) -> Result<TimeMl, Problem> {
    let dct_start = xml.find("<DCT>").ok_or("no <DCT>")?;
    let dct_tag_end = xml[dct_start..].find("</DCT>").ok_or("no </DCT>")? + dct_start;
    let dct_value = attribute(&xml[dct_start..dct_tag_end], "value").ok_or("DCT without value")?;
    let dct = dct_value
        .get(..10)
        .and_then(Date::parse_iso)
        .ok_or(format!("bad DCT value {dct_value:?}"))?;
    let body_start = xml.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let body_end = xml[body_start..].find("</TEXT>").ok_or("no </TEXT>")? + body_start;
    let body = &xml[body_start..body_end];

    let mut text = String::new();
    let mut chars = 0usize;
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let close = after.find('>').ok_or("unclosed tag")?;
            let tag = &after[..close];
            if tag.starts_with("TIMEX3") {
                let kind = attribute(tag, "type").unwrap_or_default();
                let value = attribute(tag, "value").unwrap_or_default();
                open = Some((chars, kind, value));
            } else if tag.starts_with("/TIMEX3") {
                if let Some((start, kind, value)) = open.take() {
                    timexes.push(Timex {
                        start,
                        end: chars,
                        kind,
                        value,
                    });
                }
            }
            rest = &after[close + 1..];
        } else if rest.starts_with('&') {
            let semi = rest.find(';').filter(|&p| p <= 10);
            let decoded = semi.and_then(|p| entity(&rest[1..p]));
            match (semi, decoded) {
                (Some(p), Some(c)) => {
                    text.push(c);
                    rest = &rest[p + 1..];
                }
                _ => {
                    text.push('&');
                    rest = &rest[1..];
                }
            }
            chars += 1;
        } else {
            let c = rest.chars().next().ok_or("empty")?;
            text.push(c);
            chars += 1;
            rest = &rest[c.len_utf8()..];
        }
    }
    // Gold extents sometimes include surrounding spaces; trim them.
    let all: Vec<char> = text.chars().collect();
    for t in &mut timexes {
        while t.start < t.end && all[t.start].is_whitespace() {
            t.start += 1;
        }
        while t.end > t.start && all[t.end - 1].is_whitespace() {
            t.end -= 1;
        }
    }
    Ok(TimeMl { dct, text, timexes })
}

/// The value of `name="…"` in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(p) = tag[from..].find(name) {
        let at = from + p;
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &tag[at + name.len()..];
        if before_ok {
            if let Some(rest) = rest.strip_prefix("=\"") {
                let end = rest.find('"')?;
                return Some(rest[..end].to_string());
            }
        }
        from = at + name.len();
    }
    None
}

/// The character an entity name ("amp", "#39", "#x27") stands for.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dct_text_and_timex_spans() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06T10:00">x</TIMEX3></DCT>
<TEXT>A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-05"> Thursday</TIMEX3> &#233;.</TEXT></TimeML>"#;
        let doc = parse(xml).unwrap();
        assert_eq!(doc.dct.to_string(), "1998-02-06");
        assert_eq!(doc.text, "A & B met  Thursday é.");
        let t = &doc.timexes[0];
        let span: String = doc
            .text
            .chars()
            .skip(t.start)
            .take(t.end - t.start)
            .collect();
        assert_eq!(
            (span.as_str(), t.kind.as_str(), t.value.as_str()),
            ("Thursday", "DATE", "1998-02-05")
        );
    }

    #[test]
    fn refuses_files_without_dct_or_text() {
        assert!(parse("<TimeML><TEXT>x</TEXT></TimeML>").is_err());
        assert!(parse(r#"<DCT><TIMEX3 value="1998-01-01"/></DCT>"#).is_err());
    }
}
