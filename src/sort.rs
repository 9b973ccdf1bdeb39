//! One stable sort for the whole app. Each `sort_by` with its own closure is a separate copy of
//! the standard library's sort in the wasm (about 2–3.5 KB each); these helpers route every sort
//! through a single non-generic instance that sorts positions.

use std::cmp::Ordering;

/// Sorts positions `idx` stably by `cmp` (which compares the items at two positions).
#[inline(never)]
pub fn sort_positions(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// The positions `0..n` in the order `cmp` gives them (stable).
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    sort_positions(&mut idx, cmp);
    idx
}

/// Sorts `v` stably by `cmp`, like `slice::sort_by`, through the shared sort.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let idx = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        let mut ours = items.to_vec();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = items.to_vec();
        std.sort_by_key(|a| a.0);
        assert_eq!(ours, std);
        assert_eq!(order(items.len(), &|a, b| items[b].0.cmp(&items[a].0)), vec![0, 2, 3, 1, 4, 5]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, |a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
