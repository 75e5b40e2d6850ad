//! Reading inputs within a size limit, streaming: a file or a JSON line
//! longer than the limit is refused after at most `limit` bytes of it were
//! held, so one huge item cannot exhaust memory.

use std::io::{self, BufRead, Read};

/// Reads all of `reader`, or `None` as soon as it holds more than `limit` bytes.
pub fn read_limited(reader: impl Read, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// One line of a [`Lines`] stream, without its `\n`.
pub struct Line {
    /// Its number, from 1.
    pub number: usize,
    /// Its bytes, or `None` when it is longer than the limit (the rest of
    /// it was skipped without being kept).
    pub bytes: Option<Vec<u8>>,
}

/// The lines of a stream, each held only up to the limit.
pub struct Lines<R> {
    reader: R,
    limit: usize,
    number: usize,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`, each at most `limit` bytes (longer ones are refused).
    pub fn new(reader: R, limit: u64) -> Lines<R> {
        Lines {
            reader,
            limit: usize::try_from(limit).unwrap_or(usize::MAX),
            number: 0,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<io::Result<Line>> {
        let mut bytes = Some(Vec::new());
        let mut started = false;
        loop {
            let buffer = match self.reader.fill_buf() {
                Ok(buffer) => buffer,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            if buffer.is_empty() {
                if !started {
                    return None;
                }
                break;
            }
            started = true;
            let newline = buffer.iter().position(|&b| b == b'\n');
            let chunk = &buffer[..newline.unwrap_or(buffer.len())];
            if let Some(line) = &mut bytes {
                if line.len() + chunk.len() > self.limit {
                    bytes = None;
                } else {
                    line.extend_from_slice(chunk);
                }
            }
            let used = newline.map_or(buffer.len(), |i| i + 1);
            self.reader.consume(used);
            if newline.is_some() {
                break;
            }
        }
        self.number += 1;
        Some(Ok(Line {
            number: self.number,
            bytes,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_longer_than_the_limit_are_refused_and_the_next_ones_read() {
        // A tiny buffer, so that lines arrive in several pieces.
        let input = io::BufReader::with_capacity(3, &b"abcd\n\nabcdefgh\nxyz"[..]);
        let lines: Vec<(usize, Option<Vec<u8>>)> = Lines::new(input, 4)
            .map(|l| l.map(|l| (l.number, l.bytes)).unwrap())
            .collect();
        assert_eq!(
            lines,
            [
                (1, Some(b"abcd".to_vec())),
                (2, Some(vec![])),
                (3, None),
                (4, Some(b"xyz".to_vec()))
            ]
        );
    }

    #[test]
    fn read_limited_refuses_one_byte_over() {
        assert_eq!(
            read_limited(&b"abcd"[..], 4).unwrap(),
            Some(b"abcd".to_vec())
        );
        assert_eq!(read_limited(&b"abcde"[..], 4).unwrap(), None);
    }
}
