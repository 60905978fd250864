//! ACLED exports as CSV, by header name (the current lower-case layout and
//! the older upper-case one), or header-less in the version-5 column order.

/// Whether a header-less first row reads as ACLED's version-5 layout:
/// GWNO (a number), EVENT_ID_CNTY ("20MOR"), EVENT_ID_NO_CNTY (a number),
/// EVENT_DATE (a day-first date), YEAR, TIME_PRECISION (1 to 3).
pub(crate) fn is_headerless_v5(first_line: &str) -> bool {
    let f: Vec<&str> = first_line.splitn(7, ',').collect();
    if f.len() < 7 {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let id_cnty = f[1].trim_start_matches(|c: char| c.is_ascii_digit());
    digits(f[0])
        && f[1].len() > id_cnty.len()
        && !id_cnty.is_empty()
        && id_cnty.bytes().all(|b| b.is_ascii_uppercase())
        && digits(f[2])
        && f[3].contains('/')
        && digits(f[4])
        && matches!(f[5], "1" | "2" | "3")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_v5_order_is_recognised_without_a_header() {
        assert!(is_headerless_v5(
            "600,20MOR,43689,24/12/1997,1997,3,Riots/Protests,Protesters (Morocco)"
        ));
        assert!(!is_headerless_v5(
            "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR"
        ));
        assert!(!is_headerless_v5("date,title,summary"));
    }
}
