//! Which timeline marks are drawn: only those in (or near) the visible stretch, with dense runs
//! folded into counted clusters. The cost of drawing then follows the screen, not the dataset.

/// One thing to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// One event's mark, by its index.
    Mark(usize),
    /// Events `first..=last` (consecutive indexes), too close together to draw one by one.
    Cluster { first: usize, last: usize },
}

/// The items to draw for marks at `xs` (pixel positions, ascending) within `[lo, hi]`. A run
/// of at least `min_run` marks whose positions lie within `gap` pixels of the run's first
/// becomes one cluster; any other mark is drawn alone. Indexes in `keep` (the selected mark,
/// the keyboard's tab stop) are always drawn as marks, wherever they are, so keyboard
/// navigation reaches every event in order. Runs in `O(log n + k)` for `k` marks in range.
pub fn window(xs: &[f64], lo: f64, hi: f64, gap: f64, min_run: usize, keep: &[usize]) -> Vec<Item> {
    let a = xs.partition_point(|&x| x < lo);
    let b = xs.partition_point(|&x| x <= hi);
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        let mut j = i + 1;
        while j < b && xs[j] - xs[i] < gap {
            j += 1;
        }
        if j - i >= min_run.max(2) {
            out.push(Item::Cluster { first: i, last: j - 1 });
        } else {
            out.extend((i..j).map(Item::Mark));
        }
        i = j;
    }
    for &k in keep {
        if k < xs.len() && !out.contains(&Item::Mark(k)) {
            out.push(Item::Mark(k));
        }
    }
    out
}

/// The page of `size` consecutive positions (out of `len`) that holds position `pos`, as
/// `[start, end)`; pages start at multiples of `size`, so stepping past either end of a page
/// lands on the neighbouring page. A position past the end counts as the last one.
pub fn page_around(len: usize, pos: usize, size: usize) -> (usize, usize) {
    if len == 0 || size == 0 {
        return (0, 0);
    }
    let start = pos.min(len - 1) / size * size;
    (start, (start + size).min(len))
}

/// Where a key moves the timeline's tab stop from event `cur`: through the shown events in
/// order (`shown`, ascending; `None`: all `n` events). → and ↓ go to the next shown event (or
/// the first shown one after `cur` when `cur` is hidden), ← and ↑ to the previous, Home and End
/// to the first and last. `None` for any other key, or when nothing is shown.
pub fn key_step(key: &str, cur: usize, shown: Option<&[usize]>, n: usize) -> Option<usize> {
    let len = shown.map_or(n, <[usize]>::len);
    if len == 0 {
        return None;
    }
    let at = |k: usize| shown.map_or(k, |v| v[k]);
    let pos = shown.map_or(cur, |v| v.partition_point(|&j| j < cur));
    let here = pos < len && at(pos) == cur;
    Some(match key {
        "ArrowRight" | "ArrowDown" => at(if here { (pos + 1).min(len - 1) } else { pos.min(len - 1) }),
        "ArrowLeft" | "ArrowUp" => at(pos.saturating_sub(1).min(len - 1)),
        "Home" => at(0),
        "End" => at(len - 1),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hold_their_position_and_tile_the_list() {
        assert_eq!(page_around(0, 0, 50), (0, 0));
        assert_eq!(page_around(19, 0, 50), (0, 19));
        assert_eq!(page_around(120, 0, 50), (0, 50));
        assert_eq!(page_around(120, 49, 50), (0, 50));
        assert_eq!(page_around(120, 50, 50), (50, 100));
        assert_eq!(page_around(120, 119, 50), (100, 120));
        assert_eq!(page_around(120, 500, 50), (100, 120));
        // Every position is on exactly the page that page_around gives for it, and the pages
        // cover the list without gaps.
        for len in [1usize, 49, 50, 51, 137] {
            let mut next = 0;
            for pos in 0..len {
                let (a, b) = page_around(len, pos, 50);
                assert!(a <= pos && pos < b && b - a <= 50, "len {len} pos {pos}: {a}..{b}");
                if pos == a {
                    assert_eq!(a, next);
                    next = b;
                }
            }
            assert_eq!(next, len);
        }
    }

    #[test]
    fn only_marks_in_range_are_drawn() {
        let xs: Vec<f64> = (0..100).map(|i| i as f64 * 50.0).collect();
        let items = window(&xs, 1000.0, 2000.0, 24.0, 3, &[]);
        assert_eq!(items, (20..=40).map(Item::Mark).collect::<Vec<_>>());
        assert!(window(&xs, 10_000.0, 20_000.0, 24.0, 3, &[]).is_empty());
    }

    #[test]
    fn dense_runs_become_clusters_and_short_runs_stay_marks() {
        // Three marks within 24 px, then two, then one far away.
        let xs = [0.0, 5.0, 10.0, 100.0, 110.0, 500.0];
        let items = window(&xs, 0.0, 1000.0, 24.0, 3, &[]);
        assert_eq!(items, vec![Item::Cluster { first: 0, last: 2 }, Item::Mark(3), Item::Mark(4), Item::Mark(5)]);
    }

    #[test]
    fn kept_marks_are_drawn_wherever_they_are() {
        let xs = [0.0, 5.0, 10.0, 5000.0];
        let items = window(&xs, 0.0, 100.0, 24.0, 3, &[1, 3, 3, 99]);
        assert_eq!(items, vec![Item::Cluster { first: 0, last: 2 }, Item::Mark(1), Item::Mark(3)]);
    }

    #[test]
    fn every_mark_in_range_is_drawn_or_counted_once() {
        let mut seed = 7u64;
        let mut xs: Vec<f64> = (0..2000)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (seed >> 33) as f64 % 20_000.0
            })
            .collect();
        xs.sort_by(f64::total_cmp);
        let (lo, hi) = (3000.0, 9000.0);
        let items = window(&xs, lo, hi, 24.0, 3, &[]);
        let mut covered = Vec::new();
        for it in &items {
            match *it {
                Item::Mark(i) => covered.push(i),
                Item::Cluster { first, last } => {
                    assert!(last - first + 1 >= 3);
                    assert!(xs[last] - xs[first] < 24.0);
                    covered.extend(first..=last);
                }
            }
        }
        let expected: Vec<usize> = (0..xs.len()).filter(|&i| xs[i] >= lo && xs[i] <= hi).collect();
        assert_eq!(covered, expected);
    }

    #[test]
    fn keys_step_through_the_shown_events() {
        // All five events shown.
        assert_eq!(key_step("ArrowRight", 2, None, 5), Some(3));
        assert_eq!(key_step("ArrowDown", 4, None, 5), Some(4), "the last stays");
        assert_eq!(key_step("ArrowLeft", 0, None, 5), Some(0), "the first stays");
        assert_eq!(key_step("Home", 3, None, 5), Some(0));
        assert_eq!(key_step("End", 1, None, 5), Some(4));
        assert_eq!(key_step("x", 1, None, 5), None);
        // Filtered: only 1, 3 and 6 shown; from a hidden event, → goes to the next shown one.
        let shown = [1, 3, 6];
        assert_eq!(key_step("ArrowRight", 1, Some(&shown), 8), Some(3));
        assert_eq!(key_step("ArrowRight", 2, Some(&shown), 8), Some(3));
        assert_eq!(key_step("ArrowLeft", 2, Some(&shown), 8), Some(1));
        assert_eq!(key_step("ArrowRight", 7, Some(&shown), 8), Some(6));
        assert_eq!(key_step("End", 0, Some(&shown), 8), Some(6));
        // Nothing shown, nothing to move to.
        assert_eq!(key_step("Home", 0, Some(&[]), 8), None);
        assert_eq!(key_step("Home", 0, None, 0), None);
    }
}
