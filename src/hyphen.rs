//! Soft hyphens (U+00AD) at syllable boundaries, for text in tight boxes (the state tiles).
//!
//! CSS `hyphens: auto` needs a hyphenation dictionary in the browser, and many have none for
//! the page's language (Chromium on Linux downloads them on demand; headless and offline copies
//! have none). Without one, a long name such as "Великобритания" either overflows a narrow tile
//! or, with `overflow-wrap`, breaks at an arbitrary letter. Soft hyphens are honoured by every
//! browser and take priority over a dictionary where both exist; the browser breaks at one only
//! when the word does not fit, and shows a hyphen there.
//!
//! The rules are syllabic, not a dictionary: a break goes before a single consonant between
//! vowels (`Ка-зах`), before a consonant cluster that can begin a syllable (`Велико-британия`,
//! `Ap-plicant`), else after the first consonant of the cluster (`Кыр-гыз`, `Swit-zer`; in
//! English, before the last of three: `Turk-men`). й, ь and ъ stay with the letter before them;
//! English digraphs (ch, gh, kh, ng, ph, sh, th, wh, zh, ck) are never split. Words of fewer than seven
//! (English) or six (Russian) letters are left whole. At least two
//! letters stay on the first line and two (Russian) or three (English) go to the next. Russian
//! hyphenation rules allow every break these produce; English ones are the usual
//! pronunciation-based breaks, good enough for place names and role words.

use crate::i18n::{Lang, Ui};

/// The soft hyphen.
const SHY: char = '\u{00AD}';

/// Words shorter than this are left alone (English: 7, Russian: 6 letters).
fn min_word(ui: Ui) -> usize {
    if ui == Ui::En {
        7
    } else {
        6
    }
}

/// Lower case for the scripts the rules know (Latin, Cyrillic); other letters as they are.
/// (Not `char::to_lowercase`: its Unicode tables would cost the app kilobytes.)
fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => 'ё',
        'Ü' => 'ü',
        'Ö' => 'ö',
        _ => c,
    }
}

/// A letter of a word (anything but spaces, digits, punctuation and symbols), without
/// `char::is_alphabetic`'s tables: Latin, Latin-1 and beyond, Cyrillic.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c as u32 >= 0xC0
            && !matches!(c, '×' | '÷' | SHY)
            && !(0x2000..=0x2BFF).contains(&(c as u32))
            && !(0x3000..=0x303F).contains(&(c as u32)))
}

fn is_vowel(c: char) -> bool {
    matches!(
        lower(c),
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ü' | 'ö' | 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я'
    )
}

/// й, ь, ъ: never begin a syllable.
fn clings_left(c: char) -> bool {
    matches!(lower(c), 'й' | 'ь' | 'ъ')
}

/// English letter pairs that sound as one consonant.
fn is_digraph(a: char, b: char) -> bool {
    matches!(
        (lower(a), lower(b)),
        ('c', 'h')
            | ('g', 'h')
            | ('k', 'h')
            | ('n', 'g')
            | ('p', 'h')
            | ('s', 'h')
            | ('t', 'h')
            | ('w', 'h')
            | ('z', 'h')
            | ('c', 'k')
    )
}

/// Two consonants that can begin a syllable: a stop or f/v + r/l (both languages); in Russian
/// also г/к/х/б/п/в/ф/д/т + р/л; `three` allows s + consonant (English clusters of three).
fn is_onset(a: char, b: char, ui: Ui, three: bool) -> bool {
    let (a, b) = (lower(a), lower(b));
    match ui {
        Ui::En => {
            (matches!(a, 'b' | 'c' | 'd' | 'f' | 'g' | 'k' | 'p' | 't') && matches!(b, 'r' | 'l'))
                || (three && a == 's' && matches!(b, 't' | 'p' | 'c' | 'k' | 'm' | 'n' | 'w'))
        }
        Ui::Ru => matches!(a, 'б' | 'в' | 'г' | 'д' | 'к' | 'п' | 'т' | 'ф' | 'х') && matches!(b, 'р' | 'л'),
    }
}

/// Break positions (indices into `w`, a break goes before `w[i]`) for one word of letters.
fn breaks(w: &[char], ui: Ui) -> Vec<usize> {
    let n = w.len();
    let min_right = if ui == Ui::En { 3 } else { 2 };
    let mut out = Vec::new();
    if n < min_word(ui) {
        return out;
    }
    let vowels: Vec<usize> = (0..n).filter(|&i| is_vowel(w[i])).collect();
    for pair in vowels.windows(2) {
        let (v, next) = (pair[0], pair[1]);
        if next == v + 1 {
            continue; // two vowels together: no break between them
        }
        // The consonants between, as units: an English digraph is one unit; й/ь/ъ join the
        // unit before them.
        let mut units: Vec<(usize, usize)> = Vec::new(); // (start, end) in w, end exclusive
        let mut i = v + 1;
        while i < next {
            let len = if ui == Ui::En && i + 1 < next && is_digraph(w[i], w[i + 1]) { 2 } else { 1 };
            if clings_left(w[i]) {
                if let Some(last) = units.last_mut() {
                    last.1 = i + 1;
                    i += 1;
                    continue;
                }
            }
            units.push((i, i + len));
            i += len;
        }
        if units.is_empty() {
            // Only й/ь/ъ right after the vowel: the break goes after them.
            let at = next;
            if at >= 2 && n - at >= min_right {
                out.push(at);
            }
            continue;
        }
        let k = units.len();
        let onset = |a: usize, three: bool| {
            let (x, y) = (units[a], units[a + 1]);
            x.1 - x.0 == 1 && y.1 - y.0 == 1 && is_onset(w[x.0], w[y.0], ui, three)
        };
        let at = if k == 1 {
            units[0].0
        } else if onset(k - 2, k >= 3) {
            units[k - 2].0
        } else if ui == Ui::En && k >= 3 {
            units[k - 1].0
        } else {
            units[1].0
        };
        if at >= 2 && n - at >= min_right && !clings_left(w[at]) {
            out.push(at);
        }
    }
    out
}

/// `text` with soft hyphens at the syllable breaks of its longer words.
pub fn soft_hyphens(text: &str, lang: Lang) -> String {
    let ui = lang.ui();
    let mut out = String::with_capacity(text.len() + 8);
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        let at = breaks(word, ui);
        for (i, c) in word.iter().enumerate() {
            if at.contains(&i) {
                out.push(SHY);
            }
            out.push(*c);
        }
        word.clear();
    };
    for c in text.chars() {
        if is_letter(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, lang: Lang) -> String {
        soft_hyphens(text, lang).replace(SHY, "-")
    }

    #[test]
    fn russian_state_names() {
        let cases = [
            ("Великобритания", "Ве-ли-ко-бри-та-ния"),
            ("Туркменистан", "Тур-кме-нис-тан"),
            ("Азербайджан", "Азер-бай-джан"),
            ("Таджикистан", "Тад-жи-кис-тан"),
            ("Кыргызстан", "Кыр-гыз-стан"),
            ("Казахстан", "Ка-зах-стан"),
            ("Швейцария", "Швей-ца-рия"),
            ("Афганистан", "Аф-га-нис-тан"),
        ];
        for (word, want) in cases {
            assert_eq!(shown(word, Lang::Ru), want, "{word}");
        }
    }

    #[test]
    fn russian_role_words() {
        assert_eq!(shown("Наблюдатель", Lang::Ru), "На-блю-да-тель");
        assert_eq!(shown("Подписант", Lang::Ru), "Под-пи-сант");
        assert_eq!(shown("Нет статуса", Lang::Ru), "Нет ста-ту-са");
    }

    #[test]
    fn english_state_names_and_roles() {
        let cases = [
            ("Turkmenistan", "Turk-me-nis-tan"),
            ("Kazakhstan", "Ka-zakh-stan"),
            ("Kyrgyzstan", "Kyr-gyz-stan"),
            ("Switzerland", "Swit-zer-land"),
            ("Azerbaijan", "Azer-bai-jan"),
            ("Afghanistan", "Af-gha-nis-tan"),
            ("Participant", "Par-ti-ci-pant"),
            ("Applicant", "Ap-pli-cant"),
            ("Signatory", "Sig-na-tory"),
            ("Ukraine", "Ukraine"),
            ("United Kingdom", "United King-dom"),
        ];
        for (word, want) in cases {
            assert_eq!(shown(word, Lang::En), want, "{word}");
        }
    }

    #[test]
    fn short_words_punctuation_and_case_are_kept() {
        assert_eq!(soft_hyphens("Iran", Lang::En), "Iran");
        assert_eq!(soft_hyphens("США", Lang::Ru), "США");
        assert_eq!(shown("Signatory (2011 Declaration)", Lang::En), "Sig-na-tory (2011 De-cla-ra-tion)");
        assert_eq!(soft_hyphens("Türkiye", Lang::En).replace(SHY, ""), "Türkiye");
        // Nothing but soft hyphens is ever added.
        for s in ["Великобритания", "Participant", "Нет статуса", "a-b c"] {
            assert_eq!(soft_hyphens(s, Lang::Ru).replace(SHY, ""), s);
            assert_eq!(soft_hyphens(s, Lang::En).replace(SHY, ""), s);
        }
    }
}
