//! Each mapping rule and each bad-row case of the ACLED importer, on
//! synthetic rows (invented actors and places).

use super::*;
use crate::load::import::rows::read_text;
use crate::model::Timeline;
use crate::model::country;

const CURRENT: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,\
sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,\
geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";

fn load(text: &str) -> Timeline {
    read_text(read, text.as_bytes(), LoadOptions::default()).expect("loads")
}

fn current(rows: &[&str]) -> Timeline {
    load(&format!("{CURRENT}{}\n", rows.join("\n")))
}

/// A row of the current layout with the fields most tests vary.
fn simple(
    id: &str,
    date: &str,
    precision: &str,
    country: &str,
    place: &str,
    notes: &str,
) -> String {
    format!(
        "{id},{date},2020,{precision},,Protests,,Protesters (Morocco),,6,,,0,60,,,,{country},,,,\
         {place},,,,,,{notes},0,,"
    )
}

const ROW: &str = "XYZ1,2024-03-09,2024,1,Political violence,Battles,Armed clash,\
Military Forces of Freedonia (2020-),Police Forces of Freedonia (2020-); Vigilantes (Freedonia),\
State forces,Sylvanian Liberation Front,,Rebel group,12,,999,Nowhere,Morocco,Upper Province,,,\
Smallville,1.0,2.0,1,Daily Example; Radio Sample,National,\"On 9 March, fighting, near \"\"the \
bridge\"\".\",3,,1700000000";

#[test]
fn the_current_layout_maps_every_field() {
    let t = current(&[ROW]);
    let e = t.event(t.find_event("XYZ1").unwrap());
    assert_eq!(e.date().edtf(), "2024-03-09");
    assert_eq!(
        e.title(),
        "Armed clash in Smallville: Military Forces of Freedonia (2020-) → Sylvanian Liberation Front"
    );
    assert_eq!(
        e.summary(),
        "On 9 March, fighting, near \"the bridge\". Fatalities (ACLED): 3."
    );
    assert_eq!(e.place(), "Smallville, Upper Province");
    assert_eq!(e.place_country().map(country::code), Some("MA"));
    let countries: Vec<&str> = e.countries().iter().map(|&c| country::code(c)).collect();
    assert_eq!(countries, ["MA"]);
    let topics: Vec<&str> = e.topics().collect();
    assert_eq!(
        topics,
        ["Battles", "Armed clash", "Political violence", "fatalities"]
    );
    let actors: Vec<(String, &str, &str)> = e
        .actors()
        .iter()
        .map(|a| {
            let actor = t.actor(a.actor);
            (
                actor.name().to_string(),
                actor.kind().as_str(),
                t.role_name(a.role),
            )
        })
        .collect();
    let with = "associated with Military Forces of Freedonia (2020-)";
    let name = |s: &str| s.to_string();
    assert_eq!(
        actors,
        [
            (
                name("Military Forces of Freedonia (2020-)"),
                "organisation",
                "actor1"
            ),
            (name("Police Forces of Freedonia (2020-)"), "group", with),
            (name("Vigilantes (Freedonia)"), "group", with),
            (name("Sylvanian Liberation Front"), "group", "actor2"),
        ]
    );
    assert_eq!(t.actor(e.actors()[0].actor).title(), "State forces");
    assert_eq!(t.actor(e.actors()[3].actor).title(), "Rebel group");
    let outlets: Vec<(&str, bool, Option<&str>)> = e
        .sources()
        .iter()
        .map(|s| (s.outlet(), s.has_text(), s.url()))
        .collect();
    assert_eq!(
        outlets,
        [
            ("Daily Example", false, None),
            ("Radio Sample", false, None)
        ]
    );
    assert_eq!(e.quotes().len(), 0);
    let origin = e.date_origin().unwrap();
    assert!(origin.contains("time precision 1 (the day)"), "{origin}");
}

#[test]
fn time_precision_becomes_the_dates_precision() {
    let t = current(&[
        &simple("P1", "25 December 2015", "1", "Morocco", "Rabat", ""),
        &simple("P2", "25/12/2015", "2", "Morocco", "Rabat", ""),
        &simple("P3", "1/1/16", "3", "Morocco", "Rabat", ""),
        &simple("P4", "13/1/16", "", "Morocco", "Rabat", ""),
    ]);
    let date = |id: &str| t.event(t.find_event(id).unwrap()).date().edtf();
    assert_eq!(date("P1"), "2015-12-25");
    assert_eq!(date("P2"), "2015-12-25~");
    assert_eq!(date("P3"), "2016-01");
    assert_eq!(date("P4"), "2016-01-13");
    let origin = |id: &str| t.event(t.find_event(id).unwrap()).date_origin().unwrap();
    assert_eq!(
        origin("P2"),
        "ACLED: event_date 25/12/2015, time precision 2 (a day within about a week of this one)"
    );
    assert!(origin("P3").contains("time precision 3 (the month only)"));
    assert!(origin("P4").contains("time precision not given (the day)"));
}

#[test]
fn absent_actors_and_zero_fatalities_add_nothing() {
    let t = current(&[
        "Z1,2020-05-01,2020,1,,Protests,Peaceful protest,Protesters (Morocco),0,Protesters,0,,,60,,504,,Morocco,,,,Rabat,,,,,,,0,,",
    ]);
    let e = t.event(t.find_event("Z1").unwrap());
    assert_eq!(e.actors().len(), 1);
    assert_eq!(e.title(), "Peaceful protest in Rabat: Protesters (Morocco)");
    assert_eq!(
        e.topics().collect::<Vec<_>>(),
        ["Protests", "Peaceful protest"]
    );
    assert_eq!(e.summary(), "Fatalities (ACLED): 0.");
    assert_eq!(t.actor_count(), 1);
    assert_eq!(t.actor(e.actors()[0].actor).country_code(), Some("MA"));
}

#[test]
fn the_old_upper_case_layout_reads_by_name() {
    let t = load(
        "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,\
ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,\
LATITUDE,LONGITUDE,GEO_PRECIS,SOURCE,NOTES,FATALITIES\n\
600,7ABC,0,02/01/1997,1997,1,Riots/Protests,Rioters (Algeria),Students (Algeria),5,,,0,50,\
Algeria,Oran,,,Oran,1,2,1,Example Wire,Students rioted.,0\n",
    );
    let e = t.event(t.find_event("7ABC").unwrap());
    assert_eq!(e.date().edtf(), "1997-01-02");
    assert_eq!(e.place(), "Oran");
    assert_eq!(e.place_country().map(country::code), Some("DZ"));
    assert_eq!(
        t.role_name(e.actors()[1].role),
        "associated with Rioters (Algeria)"
    );
    assert_eq!(t.actor(e.actors()[0].actor).kind(), ActorKind::Group);
    assert_eq!(t.actor(e.actors()[0].actor).title(), "Rioters");
}

#[test]
fn header_less_rows_read_in_the_v5_order() {
    let t = load(
        "600,20XYZ,1,24/12/1997,1997,3,Riots/Protests,Protesters (Morocco),,6,,,0,60,Morocco,\
Casablanca,,,Casablanca,1,2,1,Example Journal,Students protested.,0\n\
600,21XYZ,2,5/1/98,1998,1,Riots/Protests,Protesters (Morocco),,6,,,0,60,Morocco,\
Casablanca,,,Casablanca,1,2,1,Example Journal,Students protested again.,0\n",
    );
    assert_eq!(t.len(), 2);
    let e = t.event(t.find_event("20XYZ").unwrap());
    assert_eq!(e.date().edtf(), "1997-12");
    assert_eq!(e.summary(), "Students protested. Fatalities (ACLED): 0.");
    assert_eq!(e.sources()[0].outlet(), "Example Journal");
    assert_eq!(
        t.event(t.find_event("21XYZ").unwrap()).date().edtf(),
        "1998-01-05"
    );
    assert_eq!(t.import_report().rows, 2);
}

#[test]
fn one_report_split_into_events_is_linked_in_a_chain() {
    let notes = "On 3 May 2020 a crowd gathered in three towns of the province over the tax law.";
    let t = current(&[
        &simple("L1", "2020-05-03", "1", "Morocco", "Aville", notes),
        &simple("L2", "2020-05-03", "1", "Morocco", "Btown", notes),
        &simple("L3", "2020-05-03", "1", "Morocco", "Cburg", notes),
        &simple("S1", "2020-05-03", "1", "Morocco", "Cburg", "Short note."),
        &simple("S2", "2020-05-03", "1", "Morocco", "Cburg", "Short note."),
    ]);
    assert_eq!(t.link_count(), 2);
    let e = t.event(t.find_event("L2").unwrap());
    assert_eq!(e.links().len() + e.backlinks().len(), 2);
    let s = t.event(t.find_event("S2").unwrap());
    assert!(!s.has_links());
}

#[test]
fn bad_rows_are_skipped_with_a_reason() {
    let t = current(&[
        ROW,
        &simple("", "2020-01-01", "1", "Morocco", "Rabat", ""),
        &simple("B1", "31/02/2020", "1", "Morocco", "Rabat", ""),
        &simple("B2", "soon", "1", "Morocco", "Rabat", ""),
        &simple("XYZ1", "2020-01-01", "1", "Morocco", "Rabat", ""),
        &simple("B3", "2020-01-01", "1", "Narnia", "Rabat", ""),
        "B4,",
    ]);
    let report = t.import_report();
    assert_eq!((report.rows, report.skipped_total), (7, 5));
    let s = &report.skipped;
    assert!(
        s[0].starts_with("t.csv:3:1: event_id_cnty is empty"),
        "{s:?}"
    );
    assert!(
        s[1].starts_with("t.csv:4:1: event_date '31/02/2020' is not a real calendar day"),
        "{s:?}"
    );
    assert!(
        s[2].starts_with("t.csv:5:1: event_date 'soon' is not a date"),
        "{s:?}"
    );
    assert!(s[3].contains("duplicate event id 'XYZ1'"), "{s:?}");
    assert!(s[4].starts_with("t.csv:8:1: event_date is empty"), "{s:?}");
    // An unknown country name stays readable in the place.
    let b3 = t.event(t.find_event("B3").unwrap());
    assert_eq!(b3.place(), "Rabat, Narnia");
    assert!(b3.countries().is_empty());
}

#[test]
fn a_file_that_is_not_acled_gets_one_message() {
    let err = read_text(read, b"date,title\n2020-01-01,x\n", LoadOptions::default()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("t.csv:1:1: is not an ACLED export") && text.contains("event_id_cnty"),
        "{text}"
    );
    assert!(text.contains("1 problem found"), "{text}");
    let err = read_text(read, b"", LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("is empty"), "{err}");
}

#[test]
fn actor_countries_and_kinds() {
    assert_eq!(actor_country("Civilians (Nigeria)"), Some("NG"));
    assert_eq!(
        actor_country("Police Forces of Morocco (1999-)"),
        Some("MA")
    );
    assert_eq!(
        actor_country("Military Forces of Democratic Republic of Congo (2019-)"),
        Some("CD")
    );
    assert_eq!(actor_country("GIA: Armed Islamic Group"), None);
    assert_eq!(inter_kind("1").map(|k| k.1), Some("State forces"));
    assert_eq!(
        inter_kind("Rebel group").map(|k| k.0),
        Some(ActorKind::Group)
    );
    assert_eq!(inter_kind("8").map(|k| k.0), Some(ActorKind::Organisation));
    assert_eq!(inter_kind("0"), None);
}

#[test]
fn the_v5_order_is_recognised_without_a_header() {
    assert!(is_headerless_v5(
        "600,20MOR,43689,24/12/1997,1997,3,Riots/Protests,Protesters (Morocco)"
    ));
    assert!(!is_headerless_v5(
        "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR"
    ));
    assert!(!is_headerless_v5("date,title,summary"));
    assert!(is_headerless_v5(
        "600,20MOR,43689,1997-12-24,1997,1,Riots/Protests"
    ));
    assert!(!is_headerless_v5(
        "600,20MOR,43689,soon,1997,1,Riots/Protests"
    ));
}
