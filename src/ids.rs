//! The syntax of identifiers, in one place: the validator, the URL hash parser and the
//! language parser all ask here.

/// An id of an event, source, organisation, chair term or dispute: 1–64 ASCII letters, digits,
/// `_`, `.` or `-`, starting with a letter or digit.
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// A state code: two upper-case ASCII letters (ISO 3166-1 alpha-2 style).
pub fn is_state_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A language code: two or three lower-case ASCII letters (ISO 639 style).
pub fn is_lang_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in ["a", "2013-06-05-ministerial", "S1", "x_y.z", &"a".repeat(64)] {
            assert!(is_id(ok), "{ok}");
        }
        for bad in ["", "-a", ".a", "_a", "a b", "a/b", "<script>", "é", &"a".repeat(65)] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn state_codes() {
        assert!(is_state_code("KZ"));
        for bad in ["kz", "KAZ", "K", "", "K1", "ÄB"] {
            assert!(!is_state_code(bad), "{bad}");
        }
    }

    #[test]
    fn lang_codes() {
        for ok in ["en", "ru", "kaz"] {
            assert!(is_lang_code(ok), "{ok}");
        }
        for bad in ["", "e", "EN", "english", "e1", "ру"] {
            assert!(!is_lang_code(bad), "{bad}");
        }
    }
}
