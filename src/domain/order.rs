//! One stable sort for the whole app.
//!
//! `slice::sort_by` is compiled anew for every element type and comparison (about 3 KB of
//! wasm each). Here only a list of indices is sorted, through a `dyn` comparison, so the sort
//! itself is compiled once; moving the items into place is a few lines per type.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    // Lists kept in order (sessions, months) are often sorted already: check in one pass.
    if items
        .windows(2)
        .all(|pair| compare(&pair[0], &pair[1]).is_le())
    {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| compare(&items[a], &items[b]));
    // `place[i]` = where the item now at `i` has to go.
    let mut place = vec![0; items.len()];
    for (to, &from) in order.iter().enumerate() {
        place[from] = to;
    }
    for i in 0..items.len() {
        while place[i] != i {
            let j = place[i];
            items.swap(i, j);
            place.swap(i, j);
        }
    }
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, &|a, b| key(a).cmp(&key(b)));
}

#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A small generator, so the cases are many but the same on every run.
        let mut seed = 7u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed >> 16
        };
        for len in 0..60 {
            let items: Vec<(u32, usize)> = (0..len).map(|i| (next() % 5, i)).collect();
            let mut mine = items.clone();
            let mut std = items.clone();
            // Compare on the first field only: the second shows whether ties kept their order.
            sort_by(&mut mine, &|a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(mine, std, "length {len}");
        }
    }

    #[test]
    fn sorts_by_key_and_in_reverse() {
        let mut words = vec!["pip", "Ada", "bean", "Cleo"];
        sort_by_key(&mut words, |w| w.to_lowercase());
        assert_eq!(words, ["Ada", "bean", "Cleo", "pip"]);
        sort_by(&mut words, &|a, b| b.cmp(a));
        assert_eq!(words, ["pip", "bean", "Cleo", "Ada"]);
    }
}
