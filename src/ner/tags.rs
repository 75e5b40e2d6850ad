//! The BILOU tag set over the four CoNLL classes, and which tag may follow which.
//!
//! Tag 0 is `O`; the others are `B-`, `I-`, `L-`, `U-` (begin, inside, last,
//! unit) for each [`Class`]. BILOU marks the last token of a name explicitly,
//! which lets a linear model learn name ends as well as name starts.

/// An entity class of the CoNLL-2003 scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// A person (`PER`).
    Per,
    /// A location (`LOC`).
    Loc,
    /// An organisation (`ORG`).
    Org,
    /// Anything else named: nationalities, events, works (`MISC`).
    Misc,
}

impl Class {
    /// All classes, in tag order.
    pub const ALL: [Class; 4] = [Class::Per, Class::Loc, Class::Org, Class::Misc];

    /// The CoNLL name ("PER").
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Per => "PER",
            Class::Loc => "LOC",
            Class::Org => "ORG",
            Class::Misc => "MISC",
        }
    }

    /// Parses a CoNLL name.
    pub fn parse(name: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.as_str() == name)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Position of a token within a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// First token of a multi-token name.
    Begin,
    /// A middle token.
    Inside,
    /// Last token of a multi-token name.
    Last,
    /// A one-token name.
    Unit,
}

/// Number of tags: `O` plus four positions for each of four classes.
pub const NUM_TAGS: usize = 17;

/// A tag index in `0..NUM_TAGS`; 0 is `O`.
pub type Tag = usize;

/// The `O` tag.
pub const OUTSIDE: Tag = 0;

/// The tag for a class at a position.
pub fn tag(class: Class, position: Position) -> Tag {
    1 + class.index() * 4 + position as usize
}

/// The class and position of a tag, `None` for `O`.
pub fn split(tag: Tag) -> Option<(Class, Position)> {
    if tag == OUTSIDE || tag >= NUM_TAGS {
        return None;
    }
    let class = Class::ALL[(tag - 1) / 4];
    let position = [
        Position::Begin,
        Position::Inside,
        Position::Last,
        Position::Unit,
    ][(tag - 1) % 4];
    Some((class, position))
}

/// A readable name for a tag ("B-PER", "O").
pub fn name(tag: Tag) -> String {
    match split(tag) {
        None => "O".into(),
        Some((class, position)) => {
            let p = match position {
                Position::Begin => "B",
                Position::Inside => "I",
                Position::Last => "L",
                Position::Unit => "U",
            };
            format!("{p}-{}", class.as_str())
        }
    }
}

/// True if a tag closes any open name (so a new one may start after it).
fn is_closed(tag: Tag) -> bool {
    matches!(
        split(tag),
        None | Some((_, Position::Last | Position::Unit))
    )
}

/// True if `tag` may start a sentence.
pub fn may_start(tag: Tag) -> bool {
    matches!(
        split(tag),
        None | Some((_, Position::Begin | Position::Unit))
    )
}

/// True if `tag` may end a sentence.
pub fn may_end(tag: Tag) -> bool {
    is_closed(tag)
}

/// True if `next` may follow `prev`: a name opened by `B` continues with `I`
/// or ends with `L` of the same class; otherwise only `O`, `B` or `U` follow.
pub fn may_follow(prev: Tag, next: Tag) -> bool {
    if is_closed(prev) {
        may_start(next)
    } else {
        let (class, _) = split(prev).expect("open tags have a class");
        matches!(split(next), Some((c, Position::Inside | Position::Last)) if c == class)
    }
}

/// A name found by tagging: tokens `start..end` of the tagged sequence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
    /// The class.
    pub class: Class,
}

/// Converts a valid tag sequence to spans (invalid pieces are read leniently).
pub fn spans(tags: &[Tag]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Class)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            None => open = None,
            Some((class, Position::Unit)) => {
                open = None;
                out.push(Span {
                    start: i,
                    end: i + 1,
                    class,
                });
            }
            Some((class, Position::Begin)) => open = Some((i, class)),
            Some((class, Position::Inside)) => {
                if open.map(|(_, c)| c) != Some(class) {
                    open = Some((i, class));
                }
            }
            Some((class, Position::Last)) => {
                let start = match open {
                    Some((s, c)) if c == class => s,
                    _ => i,
                };
                out.push(Span {
                    start,
                    end: i + 1,
                    class,
                });
                open = None;
            }
        }
    }
    out
}

/// BILOU tags for spans over `len` tokens (spans must not overlap).
pub fn from_spans(len: usize, spans: &[Span]) -> Vec<Tag> {
    let mut tags = vec![OUTSIDE; len];
    for s in spans {
        if s.end - s.start == 1 {
            tags[s.start] = tag(s.class, Position::Unit);
        } else {
            tags[s.start] = tag(s.class, Position::Begin);
            for t in &mut tags[s.start + 1..s.end - 1] {
                *t = tag(s.class, Position::Inside);
            }
            tags[s.end - 1] = tag(s.class, Position::Last);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_spans_and_names_tags() {
        let spans_in = vec![
            Span {
                start: 0,
                end: 2,
                class: Class::Per,
            },
            Span {
                start: 2,
                end: 3,
                class: Class::Loc,
            },
            Span {
                start: 4,
                end: 7,
                class: Class::Org,
            },
        ];
        let tags = from_spans(8, &spans_in);
        let names: Vec<String> = tags.iter().map(|&t| name(t)).collect();
        assert_eq!(
            names,
            ["B-PER", "L-PER", "U-LOC", "O", "B-ORG", "I-ORG", "L-ORG", "O"]
        );
        assert_eq!(spans(&tags), spans_in);
    }

    #[test]
    fn transition_table() {
        let b_per = tag(Class::Per, Position::Begin);
        let i_per = tag(Class::Per, Position::Inside);
        let l_per = tag(Class::Per, Position::Last);
        let u_loc = tag(Class::Loc, Position::Unit);
        let l_org = tag(Class::Org, Position::Last);
        let cases = [
            (OUTSIDE, i_per, false),
            (OUTSIDE, l_per, false),
            (OUTSIDE, b_per, true),
            (b_per, OUTSIDE, false),
            (b_per, u_loc, false),
            (b_per, l_org, false),
            (b_per, i_per, true),
            (i_per, l_per, true),
            (l_per, u_loc, true),
            (u_loc, l_per, false),
        ];
        for (prev, next, ok) in cases {
            assert_eq!(
                may_follow(prev, next),
                ok,
                "{} -> {}",
                name(prev),
                name(next)
            );
        }
        assert!(!may_start(i_per) && !may_end(b_per) && may_end(u_loc));
    }
}
