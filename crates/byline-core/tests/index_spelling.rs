//! Name spellings across the workspace index, on invented articles: variants of one person are
//! flagged with the other spellings, two different people never are, and the counts follow
//! every update.

use std::sync::Arc;

use byline_core::consistency::spelling::Part;
use byline_core::index::{HouseName, WorkspaceIndex};
use byline_core::{Format, analyze};

fn add(index: &mut WorkspaceIndex, doc: &str, text: &str) {
    index.set_document(doc.into(), Arc::new(analyze(text, Format::Plain).people));
}

fn flagged(index: &WorkspaceIndex, doc: &str, text: &str, house: &[HouseName]) -> Vec<(String, Vec<(String, usize)>)> {
    index
        .spelling_findings(doc, house)
        .into_iter()
        .map(|f| {
            assert_eq!(&text[f.span.clone()], f.form);
            (f.form, f.instead.into_iter().map(|o| (o.form, o.count)).collect())
        })
        .collect()
}

const A: &str = "Deputy Mayor Oleksiy Vorobyov said the bridge would reopen in May. Vorobyov said crews were ready.\n\
                 Vorobyov later toured the site.\n";
const B: &str = "Oleksiy Vorobiyov, the deputy mayor, said on Tuesday that the works had stopped.\n";
const C: &str = "Engineer Greta Müllerhof said the cables were sound. Müllerhof said she had checked them twice.\n";
const D: &str = "Greta Mullerhof said the inspection would end on Friday.\n";

#[test]
fn a_transliteration_variant_is_flagged_with_the_usual_spelling() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "a.txt", A);
    add(&mut ix, "b.txt", B);
    assert_eq!(flagged(&ix, "b.txt", B, &[]), vec![("Vorobiyov".to_string(), vec![("Vorobyov".to_string(), 3)])]);
    assert!(flagged(&ix, "a.txt", A, &[]).is_empty(), "the most used spelling is not flagged");
    let f = &ix.spelling_findings("b.txt", &[])[0];
    assert_eq!(f.part, Part::Surname);
    assert!(f.message.contains("\"Vorobyov\" (3 times)"), "{}", f.message);
    let (doc, span) = f.instead[0].at.clone().expect("a mention spelled Vorobyov");
    assert_eq!((&*doc, &A[span]), ("a.txt", "Vorobyov"));
    // The quick fix's targets: every mention spelled so.
    assert_eq!(ix.spelled(&f.person, Part::Surname, "Vorobiyov").len(), 1);
    assert_eq!(ix.spelled(&f.person, Part::Surname, "Vorobyov").len(), 3);
}

#[test]
fn dropped_diacritics_are_variants_and_counts_follow_edits() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "c.txt", C);
    add(&mut ix, "d.txt", D);
    assert_eq!(flagged(&ix, "d.txt", D, &[]), vec![("Mullerhof".to_string(), vec![("Müllerhof".to_string(), 2)])]);
    let v = ix.spelling_version();
    // An edit that leaves the names alone is no change of the spellings.
    add(&mut ix, "d.txt", &D.replace("Friday", "Monday"));
    assert_eq!(ix.spelling_version(), v);
    // Fixing the spelling clears the finding; the counts are current at once.
    let fixed = D.replace("Mullerhof", "Müllerhof");
    add(&mut ix, "d.txt", &fixed);
    assert!(ix.spelling_version() > v);
    assert!(flagged(&ix, "d.txt", &fixed, &[]).is_empty());
    assert!(ix.spellings(&ix.person_at("c.txt", C.find("Greta").unwrap()).unwrap()).iter().all(|s| s.form != "Mullerhof"));
    // Removing the document takes its spellings with it.
    add(&mut ix, "d.txt", D);
    ix.remove_document("c.txt");
    assert!(flagged(&ix, "d.txt", D, &[]).is_empty());
}

#[test]
fn a_particle_links_two_full_names_with_the_same_given_name() {
    let e = "Syrian envoy Tarek al-Haddadin said the talks were over. Al-Haddadin left Geneva.\n";
    let f = "Tarek Haddadin said on Sunday that the talks would resume.\n";
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "e.txt", e);
    add(&mut ix, "f.txt", f);
    let got = flagged(&ix, "f.txt", f, &[]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Haddadin");
    // The house spelling wins, and is the only offer.
    let house = [HouseName::new("Tarek Haddadin", None).unwrap()];
    let got = flagged(&ix, "e.txt", e, &house);
    assert!(!got.is_empty() && got.iter().all(|(_, instead)| instead == &vec![("Haddadin".to_string(), 1)]), "{got:?}");
    assert!(flagged(&ix, "f.txt", f, &house).is_empty());
}

#[test]
fn two_different_people_with_close_names_are_never_variants() {
    // Jon and John Tarrant are two people (different given names); so are Ilse and Ilsa Brekke.
    let g = "Coach Jon Tarrant said the team was ready. Tarrant said the pitch was wet.\n";
    let h = "John Tarrant, a retired judge, said the ruling was wrong.\n";
    let i = "Councillor Ilse Brekke said the vote was close.\n";
    let j = "Ilsa Brekke, a nurse, said the ward was full.\n";
    let mut ix = WorkspaceIndex::new();
    for (k, t) in [("g.txt", g), ("h.txt", h), ("i.txt", i), ("j.txt", j)] {
        add(&mut ix, k, t);
    }
    for (k, t) in [("g.txt", g), ("h.txt", h), ("i.txt", i), ("j.txt", j)] {
        assert!(flagged(&ix, k, t, &[]).is_empty(), "{k}: {:?}", flagged(&ix, k, t, &[]));
    }
}

#[test]
fn rename_forms_give_each_mention_its_parts() {
    let mut ix = WorkspaceIndex::new();
    let k = "Harbour master Ines Quillfeather said the quay was closed. Quillfeather's team left. Ines said more.\n";
    add(&mut ix, "k.txt", k);
    let id = ix.person_at("k.txt", k.find("Ines").unwrap()).unwrap();
    let forms = ix.name_forms(&id);
    let parts: Vec<(Option<&str>, Option<&str>)> =
        forms.iter().map(|(_, f)| (f.given.as_ref().map(|g| &k[g.0.clone()]), f.surname.as_ref().map(|s| &k[s.0.clone()]))).collect();
    assert_eq!(parts, vec![(Some("Ines"), Some("Quillfeather")), (None, Some("Quillfeather")), (Some("Ines"), None)]);
}

#[test]
fn a_house_spelling_applies_to_the_name_the_desk_gives_it_for() {
    let l = "Tamsin Orlov, a baker, said the ovens were cold. Orlov said bread would be late.\n";
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "l.txt", l);
    assert!(flagged(&ix, "l.txt", l, &[]).is_empty());
    let house = [HouseName::new("Tamsin Orlov", Some("Tamsin Orloff")).unwrap()];
    assert_eq!(
        flagged(&ix, "l.txt", l, &house),
        vec![("Orlov".to_string(), vec![("Orloff".to_string(), 0)]), ("Orlov".to_string(), vec![("Orloff".to_string(), 0)])]
    );
    // Another Tamsin is not covered.
    let other = [HouseName::new("Tamsin Orloff", None).unwrap()];
    assert!(flagged(&ix, "l.txt", l, &other).is_empty());
}
