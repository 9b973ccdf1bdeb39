//! The tile-grid layout: one equal tile per state, placed so the grid reads like a map.
//!
//! Each state's capital is projected to an ideal (fractional) cell: half by the rank of its
//! coordinates (so crowded regions spread out) and half by their linear position (so distances
//! still tell). States are then placed, most crowded first, in the free cell nearest their
//! ideal one. States with a manual position in the dataset keep it.

/// One state to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    pub lat: f64,
    pub lon: f64,
    /// A manual (column, row) from the dataset.
    pub fixed: Option<(i32, i32)>,
}

/// The grid: a (column, row) per pin, in input order, and the grid's size.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub cells: Vec<(i32, i32)>,
    pub cols: i32,
    pub rows: i32,
}

fn normalised_ranks(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    let order = crate::sort::order(n, &|a, b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; n];
    let mut i = 0;
    while i < n {
        // Equal values share their mean rank.
        let mut j = i;
        while j + 1 < n && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let r = (i + j) as f64 / 2.0;
        for k in i..=j {
            out[order[k]] = if n > 1 { r / (n - 1) as f64 } else { 0.5 };
        }
        i = j + 1;
    }
    out
}

fn normalised_linear(values: &[f64]) -> Vec<f64> {
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    values.iter().map(|v| if hi > lo { (v - lo) / (hi - lo) } else { 0.5 }).collect()
}

/// Ideal fractional (column, row) of each pin in a `cols × rows` grid.
fn ideal_positions(pins: &[Pin], cols: i32, rows: i32) -> Vec<(f64, f64)> {
    let lons: Vec<f64> = pins.iter().map(|p| p.lon).collect();
    // Rows grow southwards.
    let souths: Vec<f64> = pins.iter().map(|p| -p.lat).collect();
    let (rx, ry) = (normalised_ranks(&lons), normalised_ranks(&souths));
    let (lx, ly) = (normalised_linear(&lons), normalised_linear(&souths));
    (0..pins.len())
        .map(|i| {
            let fx = 0.5 * rx[i] + 0.5 * lx[i];
            let fy = 0.5 * ry[i] + 0.5 * ly[i];
            (fx * (cols - 1).max(0) as f64, fy * (rows - 1).max(0) as f64)
        })
        .collect()
}

/// Grid size for `n` tiles: a little wider than tall, with room to move.
fn grid_size(n: usize) -> (i32, i32) {
    if n == 0 {
        return (0, 0);
    }
    let cols = ((n as f64 * 1.8).sqrt().ceil() as i32).max(1);
    let rows = ((n as f64 * 1.3 / cols as f64).ceil() as i32).max(1);
    (cols, rows)
}

/// Lays out the pins. No two end up in one cell; with no manual positions the grid is
/// `grid_size(n)`; manual positions may widen it.
pub fn layout(pins: &[Pin]) -> Layout {
    let n = pins.len();
    let (mut cols, mut rows) = grid_size(n);
    for p in pins {
        if let Some((c, r)) = p.fixed {
            cols = cols.max(c + 1);
            rows = rows.max(r + 1);
        }
    }
    let ideal = ideal_positions(pins, cols, rows);
    let mut taken = vec![false; (cols * rows) as usize];
    let mut cells = vec![(0, 0); n];
    let mut placed = vec![false; n];
    for (i, p) in pins.iter().enumerate() {
        if let Some((c, r)) = p.fixed {
            let k = (r * cols + c) as usize;
            if !taken[k] {
                taken[k] = true;
                cells[i] = (c, r);
                placed[i] = true;
            }
        }
    }
    // Most crowded first: the pins with the most others near their ideal cell choose first,
    // so isolated pins (which have room) yield.
    let crowd: Vec<usize> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| j != i && (ideal[i].0 - ideal[j].0).abs() < 1.5 && (ideal[i].1 - ideal[j].1).abs() < 1.5)
                .count()
        })
        .collect();
    let mut order: Vec<usize> = (0..n).filter(|&i| !placed[i]).collect();
    crate::sort::sort_positions(&mut order, &|a, b| {
        crowd[b].cmp(&crowd[a]).then(ideal[a].1.total_cmp(&ideal[b].1)).then(ideal[a].0.total_cmp(&ideal[b].0))
    });
    for i in order {
        let (ix, iy) = ideal[i];
        let mut best: Option<(f64, i32, i32)> = None;
        for r in 0..rows {
            for c in 0..cols {
                if taken[(r * cols + c) as usize] {
                    continue;
                }
                let d = (c as f64 - ix).powi(2) + (r as f64 - iy).powi(2);
                if best.is_none_or(|(bd, _, _)| d < bd) {
                    best = Some((d, c, r));
                }
            }
        }
        let (c, r) = match best {
            Some((_, c, r)) => (c, r),
            None => {
                // Full (only when manual positions collide): add a row.
                rows += 1;
                taken.extend(std::iter::repeat_n(false, cols as usize));
                (0, rows - 1)
            }
        };
        taken[(r * cols + c) as usize] = true;
        cells[i] = (c, r);
    }
    Layout { cells, cols, rows }
}

/// In a laid-out grid, the index of the tile to move to from `from` by an arrow key
/// (`dc`, `dr` ∈ {-1, 0, 1}): the nearest tile in that direction, favouring the same line.
pub fn neighbour(cells: &[(i32, i32)], from: usize, dc: i32, dr: i32) -> Option<usize> {
    let (c0, r0) = *cells.get(from)?;
    cells
        .iter()
        .enumerate()
        .filter(|&(i, &(c, r))| {
            i != from
                && if dc != 0 { (c - c0) * dc > 0 } else { true }
                && if dr != 0 { (r - r0) * dr > 0 } else { true }
        })
        .min_by_key(|&(_, &(c, r))| {
            let along = if dc != 0 { (c - c0).abs() } else { (r - r0).abs() };
            let across = if dc != 0 { (r - r0).abs() } else { (c - c0).abs() };
            (along + 3 * across, across)
        })
        .map(|(i, _)| i)
}

/// Tiles in reading order (row by row, left to right): the order of Tab and the text view.
pub fn reading_order(cells: &[(i32, i32)]) -> Vec<usize> {
    crate::sort::order(cells.len(), &|a, b| (cells[a].1, cells[a].0).cmp(&(cells[b].1, cells[b].0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn pin(lat: f64, lon: f64) -> Pin {
        Pin { lat, lon, fixed: None }
    }

    #[test]
    fn one_tile_per_cell_for_a_synthetic_200_state_set() {
        // A deterministic pseudo-random scatter with many near-duplicates.
        let mut x: u64 = 42;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) as f64 / (1u64 << 31) as f64
        };
        let pins: Vec<Pin> = (0..200)
            .map(|i| if i % 5 == 0 { pin(40.0, 70.0) } else { pin(next() * 120.0 - 60.0, next() * 360.0 - 180.0) })
            .collect();
        let l = layout(&pins);
        let set: HashSet<_> = l.cells.iter().collect();
        assert_eq!(set.len(), 200, "no two tiles share a cell");
        assert!(l.cells.iter().all(|&(c, r)| c >= 0 && r >= 0 && c < l.cols && r < l.rows));
        assert!((l.cols * l.rows) as usize <= 200 * 2, "grid stays compact: {}x{}", l.cols, l.rows);
    }

    #[test]
    fn clear_geographic_order_survives() {
        let mut x: u64 = 7;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) as f64 / (1u64 << 31) as f64
        };
        let pins: Vec<Pin> = (0..60).map(|_| pin(next() * 60.0, next() * 100.0)).collect();
        let l = layout(&pins);
        let (cols, rows) = (l.cols, l.rows);
        let ideal = ideal_positions(&pins, cols, rows);
        for i in 0..pins.len() {
            for j in 0..pins.len() {
                if ideal[i].0 + 2.5 <= ideal[j].0 {
                    assert!(l.cells[i].0 < l.cells[j].0, "{i} west of {j}");
                }
                if ideal[i].1 + 2.5 <= ideal[j].1 {
                    assert!(l.cells[i].1 < l.cells[j].1, "{i} north of {j}");
                }
            }
        }
    }

    #[test]
    fn manual_positions_are_kept() {
        let pins = vec![Pin { lat: 0.0, lon: 0.0, fixed: Some((3, 0)) }, pin(10.0, 10.0), pin(20.0, 20.0)];
        let l = layout(&pins);
        assert_eq!(l.cells[0], (3, 0));
        assert_eq!(l.cells.iter().collect::<HashSet<_>>().len(), 3);
    }

    #[test]
    fn arrow_keys_move_to_the_nearest_tile_in_that_direction() {
        let cells = vec![(0, 0), (1, 0), (2, 1), (0, 2)];
        assert_eq!(neighbour(&cells, 0, 1, 0), Some(1));
        assert_eq!(neighbour(&cells, 1, 1, 0), Some(2));
        assert_eq!(neighbour(&cells, 2, 1, 0), None);
        assert_eq!(neighbour(&cells, 0, 0, 1), Some(3));
        assert_eq!(neighbour(&cells, 3, 0, -1), Some(0));
        assert_eq!(reading_order(&cells), vec![0, 1, 2, 3]);
    }
}
