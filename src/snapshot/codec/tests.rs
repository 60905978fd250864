//! The codec's own tests: values and tables written and read back.

use super::*;

#[test]
fn values_come_back_and_short_input_is_refused() {
    let mut out = Vec::new();
    let mut e = Enc::new(&mut out);
    vec![1u32, 2, 3].put(&mut e);
    Some(String::from("Kraków")).put(&mut e);
    (-5i64).put(&mut e);
    let (hash, n) = e.finish().unwrap();
    assert_eq!(n as usize, out.len());
    assert_eq!(hash, twox_hash::XxHash3_64::oneshot(&out));
    let mut d = Dec::new(&out);
    assert_eq!(Vec::<u32>::get(&mut d), Ok(vec![1, 2, 3]));
    assert_eq!(Option::<String>::get(&mut d), Ok(Some("Kraków".into())));
    assert_eq!(i64::get(&mut d), Ok(-5));
    assert_eq!(d.u8(), Err(Bad("truncated")));
    // A length far beyond the bytes is refused before allocating.
    let mut d = Dec::new(&[255, 255, 255, 255, 255, 255, 255, 0]);
    assert_eq!(Vec::<u64>::get(&mut d), Err(Bad("length")));
}

#[test]
fn a_table_starts_at_a_multiple_of_eight_and_comes_back() {
    let mut out = Vec::new();
    let mut e = Enc::new(&mut out);
    e.u8(7);
    e.table(&[1u32, 2, 3]);
    e.table::<u16>(&[]);
    e.table(&[true, false]);
    e.finish().unwrap();
    // The count (8 bytes) after the first byte, then zeros up to 16.
    assert_eq!(&out[9..16], &[0; 7]);
    assert_eq!(&out[16..20], &1u32.to_ne_bytes());
    let mut d = Dec::new(&out);
    assert_eq!(d.u8(), Ok(7));
    assert_eq!(&*d.table::<u32>().unwrap(), &[1, 2, 3]);
    assert!(d.table::<u16>().unwrap().is_empty());
    assert_eq!(&*d.table::<bool>().unwrap(), &[true, false]);
    assert_eq!(d.remaining(), 0);
    // A byte that is no bool is refused.
    let last = out.len() - 1;
    out[last] = 2;
    let mut d = Dec::new(&out);
    d.u8().unwrap();
    d.table::<u32>().unwrap();
    d.table::<u16>().unwrap();
    assert_eq!(d.table::<bool>().map(|_| ()), Err(Bad("table")));
}
