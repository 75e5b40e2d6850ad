//! CSV exports (RFC 4180: a header row, CRLF line ends, a field quoted when
//! it holds a comma, a quote or a line break, its quotes doubled): one row per
//! mention, or one row per entity. Offsets count code points; an absent value
//! is an empty field.

use std::fmt::Display;

use crate::document::{Document, Source};

/// One row per annotation: `start,end,label,text,value,entity,source,confidence`.
pub(super) fn mentions(document: &Document) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "start",
            "end",
            "label",
            "text",
            "value",
            "entity",
            "source",
            "confidence",
        ],
    );
    for a in &document.annotations {
        let source = match a.source {
            Source::Model => "model",
            Source::Person => "person",
        };
        row(
            &mut out,
            &[
                &a.start.to_string(),
                &a.end.to_string(),
                a.label.as_str(),
                &a.text,
                a.value.as_deref().unwrap_or(""),
                a.entity.as_deref().unwrap_or(""),
                source,
                &optional(a.confidence),
            ],
        );
    }
    out
}

/// One row per entity: `id,label,name,mentions,geonames_id,country,admin1,lat,lon,kind`.
pub(super) fn entities(document: &Document) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id",
            "label",
            "name",
            "mentions",
            "geonames_id",
            "country",
            "admin1",
            "lat",
            "lon",
            "kind",
        ],
    );
    for e in &document.entities {
        row(
            &mut out,
            &[
                &e.id,
                e.label.as_str(),
                &e.name,
                &e.mentions.to_string(),
                &optional(e.geonames_id),
                e.country.as_deref().unwrap_or(""),
                e.admin1.as_deref().unwrap_or(""),
                &optional(e.lat),
                &optional(e.lon),
                e.kind.as_deref().unwrap_or(""),
            ],
        );
    }
    out
}

fn optional<T: Display>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Appends one record, each field quoted only when it must be.
fn row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::fixture;

    #[test]
    fn a_field_is_quoted_only_when_it_must_be() {
        let cases: [(&[&str], &str); 7] = [
            (&["a", "b"], "a,b\r\n"),
            (&["Zoe\u{308}", "😀", "東京"], "Zoe\u{308},😀,東京\r\n"),
            (&["Washington, D.C.", "x"], "\"Washington, D.C.\",x\r\n"),
            (&["the \"Kyiv\" office"], "\"the \"\"Kyiv\"\" office\"\r\n"),
            (&["met\nin", ""], "\"met\nin\",\r\n"),
            (&["a\r\nb"], "\"a\r\nb\"\r\n"),
            // Spaces and a leading "=" are data: kept, not quoted.
            (&[" Київ ", "=1+1"], " Київ ,=1+1\r\n"),
        ];
        for (fields, expected) in cases {
            let mut out = String::new();
            row(&mut out, fields);
            assert_eq!(out, expected, "{fields:?}");
        }
    }

    #[test]
    fn mentions_are_rows_with_code_point_offsets() {
        assert_eq!(
            mentions(&fixture::places()),
            "start,end,label,text,value,entity,source,confidence\r\n\
             2,13,PERSON,Zoe\u{308} Martín,,E1,model,0.9\r\n\
             24,28,PLACE,Київ,,E2,model,0.95\r\n\
             32,34,PLACE,東京,,E3,person,\r\n\
             39,47,PLACE,Atlantis,,E4,model,0.612\r\n\
             51,57,DATE,Dec. 5,2025-12-05,,model,\r\n\
             59,63,PLACE,Kiev,,E2,model,0.88\r\n"
        );
    }

    #[test]
    fn a_mention_across_a_line_break_stays_one_quoted_field() {
        let mut doc = fixture::places();
        doc.text = "😀 met\nin".into();
        doc.annotations.truncate(1);
        let a = &mut doc.annotations[0];
        (a.start, a.end, a.text) = (2, 8, "met\nin".into());
        a.entity = None;
        doc.entities.clear();
        assert_eq!(
            mentions(&doc),
            "start,end,label,text,value,entity,source,confidence\r\n\
             2,8,PERSON,\"met\nin\",,,model,0.9\r\n"
        );
    }

    #[test]
    fn entities_are_rows_with_their_places() {
        assert_eq!(
            entities(&fixture::places()),
            "id,label,name,mentions,geonames_id,country,admin1,lat,lon,kind\r\n\
             E1,PERSON,Zoe\u{308} Martín,1,,,,,,\r\n\
             E2,PLACE,Kyiv,2,703448,UA,Kyiv City,50.45466,30.5238,city\r\n\
             E3,PLACE,東京,1,1850147,JP,Tokyo,35.6895,139.69171,city\r\n\
             E4,PLACE,Atlantis,1,,,,,,\r\n"
        );
        let mut unlinked = fixture::places();
        unlinked.entities.clear();
        assert_eq!(
            entities(&unlinked),
            "id,label,name,mentions,geonames_id,country,admin1,lat,lon,kind\r\n"
        );
    }
}
