//! A minimal zip archive: written with its files stored (not compressed), as
//! brat's `.txt`, `.ann` and `annotation.conf` are small; read back when its
//! files are stored. About a hundred lines instead of the `zip` crate and a
//! deflate implementation in the WebAssembly core. Layout per PKWARE's
//! APPNOTE: a local header and the bytes of each file, then the central
//! directory and its end record.

/// CRC-32 (IEEE 802.3, reflected), as zip checks each file with.
fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
/// Version 2.0 (stored files) and, in the flags, "names are UTF-8".
const VERSION: u16 = 20;
const UTF8_NAMES: u16 = 1 << 11;
/// 1 January 2025, 00:00, in DOS form: a fixed time, so the bytes depend on the content only.
const DOS_DATE: u16 = ((2025 - 1980) << 9) | (1 << 5) | 1;

/// A zip archive holding `files` (name, bytes), stored, in order.
pub fn write(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for (name, bytes) in files {
        let offset = out.len() as u32;
        let (crc, size) = (crc32(bytes), bytes.len() as u32);
        // The fields local and central headers share, from "version needed" to the name length.
        let mut common = Vec::new();
        u16le(&mut common, VERSION);
        u16le(&mut common, UTF8_NAMES);
        u16le(&mut common, 0); // stored
        u16le(&mut common, 0); // time
        u16le(&mut common, DOS_DATE);
        u32le(&mut common, crc);
        u32le(&mut common, size);
        u32le(&mut common, size);
        u16le(&mut common, name.len() as u16);
        u32le(&mut out, LOCAL);
        out.extend_from_slice(&common);
        u16le(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);
        u32le(&mut central, CENTRAL);
        u16le(&mut central, VERSION); // made by
        central.extend_from_slice(&common);
        for _ in 0..4 {
            u16le(&mut central, 0); // extra, comment, disk, internal attributes
        }
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (start, length) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    u32le(&mut out, END);
    u32le(&mut out, 0); // this disk, the directory's disk
    u16le(&mut out, files.len() as u16);
    u16le(&mut out, files.len() as u16);
    u32le(&mut out, length);
    u32le(&mut out, start);
    u16le(&mut out, 0); // comment length
    out
}

/// The files of a zip archive (name, bytes), in the order of its central
/// directory; folders are skipped. An error says, in a sentence, what is wrong.
pub fn read(zip: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let u16_at = |at: usize| -> Option<u16> {
        Some(u16::from_le_bytes(zip.get(at..at + 2)?.try_into().ok()?))
    };
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(zip.get(at..at + 4)?.try_into().ok()?))
    };
    let broken = || "It is not a zip archive, or it is cut short.".to_string();
    // The end record is in the last 22 + 65535 bytes (after it, at most a comment).
    let end = (0..=zip.len().saturating_sub(22))
        .rev()
        .take(22 + 65_535)
        .find(|&at| u32_at(at) == Some(END))
        .ok_or_else(broken)?;
    let count = usize::from(u16_at(end + 10).ok_or_else(broken)?);
    let mut at = u32_at(end + 16).ok_or_else(broken)? as usize;
    let mut files = Vec::new();
    for _ in 0..count {
        if u32_at(at) != Some(CENTRAL) {
            return Err(broken());
        }
        let field = |offset: usize| u16_at(at + offset).ok_or_else(broken);
        let method = field(10)?;
        let size = u32_at(at + 20).ok_or_else(broken)? as usize;
        let (name_len, extra_len, comment_len) = (
            usize::from(field(28)?),
            usize::from(field(30)?),
            usize::from(field(32)?),
        );
        let local = u32_at(at + 42).ok_or_else(broken)? as usize;
        let name = zip.get(at + 46..at + 46 + name_len).ok_or_else(broken)?;
        let name = String::from_utf8_lossy(name).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if name.ends_with('/') {
            continue;
        }
        if method != 0 {
            return Err(format!(
                "Its file {name:?} is compressed, and Gloss reads only zips whose files are \
                 stored, as Gloss writes them: pick the .txt and .ann files themselves instead."
            ));
        }
        if u32_at(local) != Some(LOCAL) {
            return Err(broken());
        }
        let data = local
            + 30
            + usize::from(u16_at(local + 26).ok_or_else(broken)?)
            + usize::from(u16_at(local + 28).ok_or_else(broken)?);
        let bytes = zip.get(data..data + size).ok_or_else(broken)?;
        // The local header's CRC-32, 14 bytes in.
        if Some(crc32(bytes)) != u32_at(local + 14) {
            return Err(format!(
                "Its file {name:?} is damaged (its CRC-32 does not match)."
            ));
        }
        files.push((name, bytes.to_vec()));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_ieee_one() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn what_is_written_reads_back_and_damage_is_refused() {
        let files: [(&str, &[u8]); 3] = [
            ("a.txt", "😀 Zoë".as_bytes()),
            ("a.ann", b"T1\tPERSON 2 5\tZo\xc3\xab\n"),
            ("empty.conf", b""),
        ];
        let zip = write(&files);
        let read_back = read(&zip).unwrap();
        assert_eq!(read_back.len(), 3);
        for ((name, bytes), (n, b)) in files.iter().zip(&read_back) {
            assert_eq!((*name, *bytes), (n.as_str(), b.as_slice()));
        }
        assert_eq!(write(&files), zip, "the same files give the same bytes");
        let mut damaged = zip.clone();
        damaged[31 + 5] ^= 1; // a byte of a.txt's content
        assert!(read(&damaged).unwrap_err().contains("damaged"));
        assert!(read(&zip[..zip.len() - 3])
            .unwrap_err()
            .contains("not a zip"));
        assert!(read(b"T1\tPERSON 0 3\tAnn\n")
            .unwrap_err()
            .contains("not a zip"));
        let mut deflated = zip.clone();
        let central = zip.len() - 22 - (46 * 3 + 5 + 5 + 10);
        deflated[central + 10] = 8;
        assert!(read(&deflated).unwrap_err().contains("compressed"));
    }
}
