//! Reader for TR-News (geoparsing corpus, XML): articles with their gold
//! toponyms, GeoNames ids and coordinates. Development data only: it is read
//! from a path given on the command line and never shipped.
//!
//! Offsets in the file count code points; a few are off by one character, so
//! each toponym is re-anchored on its phrase near the given start.

/// One gold toponym.
#[derive(Clone, Debug, PartialEq)]
pub struct Toponym {
    /// The text as annotated.
    pub phrase: String,
    /// Code-point offset of the first character (re-anchored).
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// GeoNames id, when the toponym was linked.
    pub geonames_id: Option<u32>,
    /// GeoNames name of the linked place ("" when not linked).
    pub name: String,
    /// GeoNames feature code ("PCLI", "ADM1", "PPL"...).
    pub fcode: String,
    /// Gold coordinates, when linked.
    pub coordinates: Option<(f64, f64)>,
}

/// One article.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The `docid` attribute.
    pub docid: String,
    /// The download time, free text ("2016-12-19" mostly).
    pub dltime: String,
    /// The article text.
    pub text: String,
    /// Gold toponyms in text order.
    pub toponyms: Vec<Toponym>,
}

/// Parses a TR-News XML file.
pub fn parse(xml: &str) -> Result<Vec<Article>, String> {
    let mut articles = Vec::new();
    for chunk in xml.split("<article ").skip(1) {
        let chunk = chunk.split("</article>").next().unwrap_or(chunk);
        let docid = between(chunk, "docid=\"", "\"")
            .unwrap_or_default()
            .to_string();
        let text = chunk
            .find("<text>")
            .and_then(|at| between(&chunk[at..], "<![CDATA[", "]]>"))
            .ok_or_else(|| format!("article {docid}: no <text>"))?
            .to_string();
        let dltime = unescape(
            between(chunk, "<dltime>", "</dltime>")
                .unwrap_or_default()
                .trim(),
        );
        let chars: Vec<char> = text.chars().collect();
        let mut toponyms = Vec::new();
        for t in chunk.split("<toponym>").skip(1) {
            let field = |tag: &str| {
                between(t, &format!("<{tag}>"), &format!("</{tag}>")).map(|s| unescape(s.trim()))
            };
            let phrase = field("phrase").unwrap_or_default();
            let number = |tag: &str| field(tag).and_then(|s| s.parse::<usize>().ok());
            let (Some(start), Some(_)) = (number("start"), number("end")) else {
                return Err(format!(
                    "article {docid}: toponym {phrase:?} without offsets"
                ));
            };
            let start = anchor(&chars, &phrase, start);
            let lat = field("lat").and_then(|s| s.parse::<f64>().ok());
            let lon = field("lon").and_then(|s| s.parse::<f64>().ok());
            toponyms.push(Toponym {
                end: start + phrase.chars().count(),
                start,
                geonames_id: between(t, "<gaztag geonameid=\"", "\"").and_then(|s| s.parse().ok()),
                name: field("name").unwrap_or_default(),
                fcode: field("fcode").unwrap_or_default(),
                coordinates: lat.zip(lon),
                phrase,
            });
        }
        articles.push(Article {
            docid,
            dltime,
            text,
            toponyms,
        });
    }
    Ok(articles)
}

/// The text between the first `open` and the next `close`.
fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let from = s.find(open)? + open.len();
    let to = s[from..].find(close)? + from;
    Some(&s[from..to])
}

/// The five XML entities.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The start of `phrase` nearest to `start` (within a few characters), else `start`.
fn anchor(chars: &[char], phrase: &str, start: usize) -> usize {
    let phrase: Vec<char> = phrase.chars().collect();
    let fits = |at: usize| chars.get(at..at + phrase.len()) == Some(&phrase[..]);
    (0..=5)
        .flat_map(|d| [start.checked_add(d), start.checked_sub(d)])
        .flatten()
        .find(|&at| fits(at))
        .unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_articles_and_reanchors_shifted_offsets() {
        let xml = r#"<articles><article docid="7"><title>T</title><dltime>2016-12-19</dltime>
<text><![CDATA[Snow in Kyiv and Ankara.]]></text><toponyms>
<toponym><phrase>Kyiv</phrase><start>8</start><end>12</end>
<gaztag geonameid="703448"><name>Kyiv</name><fclass>P</fclass><fcode>PPLC</fcode>
<lat>50.45</lat><lon>30.52</lon></gaztag></toponym>
<toponym><phrase>Ankara</phrase><start>18</start><end>24</end></toponym>
</toponyms></article></articles>"#;
        let articles = parse(xml).unwrap();
        assert_eq!(articles.len(), 1);
        let a = &articles[0];
        assert_eq!((a.docid.as_str(), a.dltime.as_str()), ("7", "2016-12-19"));
        assert_eq!(a.toponyms[0].geonames_id, Some(703448));
        assert_eq!(a.toponyms[0].coordinates, Some((50.45, 30.52)));
        assert_eq!(a.toponyms[0].fcode, "PPLC");
        // Given one character late: re-anchored on the phrase.
        assert_eq!((a.toponyms[1].start, a.toponyms[1].end), (17, 23));
        assert_eq!(a.toponyms[1].coordinates, None);
    }

    #[test]
    fn a_missing_text_is_an_error() {
        assert!(parse(r#"<article docid="1"></article>"#).is_err());
    }
}
