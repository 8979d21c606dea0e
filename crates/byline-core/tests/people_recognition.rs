//! Person recognition on small invented articles.

mod common;

use common::{mentions, names, people, roles_of};

#[test]
fn full_name_from_first_name_lexicon() {
    let t = "The council met on Tuesday. Margaret Okafor opened the meeting with a short speech.";
    assert_eq!(mentions(t), ["Margaret Okafor"]);
}

#[test]
fn surname_after_full_name_is_the_same_person() {
    let t = "Harold Benning chairs the harbour board. Later, Benning said the port would reopen.";
    let p = people(t);
    assert_eq!(p.mentions.len(), 2);
    assert_eq!(p.mentions[0].person, p.mentions[1].person);
    assert!(p.mentions[0].full && !p.mentions[1].full);
    assert_eq!(p.persons[0].name, "Harold Benning");
}

#[test]
fn middle_initials_and_particles() {
    let t = "Marcus T. Fenwright spoke first. Then Clara van der Hoeven answered, and Omar bin Tareq listened.";
    assert_eq!(mentions(t), ["Marcus T. Fenwright", "Clara van der Hoeven", "Omar bin Tareq"]);
}

#[test]
fn middle_initial_and_plain_forms_are_one_person() {
    let t = "Marcus T. Fenwright spoke. Marcus Fenwright later left. Fenwright was tired.";
    let p = people(t);
    assert_eq!(p.persons.len(), 1);
    assert_eq!(p.mentions.len(), 3);
}

#[test]
fn honorifics_and_titles_are_not_part_of_the_mention() {
    let t = "Mr Dravik arrived late. President Ostrava waved. Ms Quellan took notes. Dr. Fenn was absent.";
    assert_eq!(mentions(t), ["Dravik", "Ostrava", "Quellan", "Fenn"]);
}

#[test]
fn possessives_straight_and_curly() {
    let t = "Mr Dravik arrived. Dravik's car was late and Dravik’s driver apologised.";
    assert_eq!(mentions(t), ["Dravik", "Dravik", "Dravik"]);
}

#[test]
fn photo_credit_and_byline() {
    let t = "Jonah Whitcombe\nMonday 3 March\nFloodwater covers the main road (Tamsin Arkwright/AP)\n\nThe river rose overnight.";
    assert_eq!(mentions(t), ["Jonah Whitcombe", "Tamsin Arkwright"]);
}

#[test]
fn speech_verb_alone_makes_an_unknown_word_a_tentative_name() {
    // "Oduya said" could be a company: tentative until someone is named Oduya in full (the
    // workspace index decides; see tests/index_workspace.rs).
    let t = "\"We are ready,\" Oduya said. The talks resume today.";
    let p = people(t);
    assert!(p.mentions.is_empty());
    let tentative: Vec<&str> = p.tentative.iter().map(|(s, _)| &t[s.clone()]).collect();
    assert_eq!(tentative, ["Oduya"]);
    // With a full name in the same article it is a plain mention.
    let t = "Pilot Grace Oduya landed first. \"We are ready,\" Oduya said.";
    assert_eq!(mentions(t), ["Grace Oduya", "Oduya"]);
}

#[test]
fn places_organisations_and_nationalities_are_rejected() {
    let t = "Officials in Kyiv and Sydney said the Melbourne to Hobart race would go ahead. \
             The Kremlin said Russian troops had left. Downing Street said nothing.";
    assert!(mentions(t).is_empty(), "{:?}", mentions(t));
}

#[test]
fn name_inside_other_proper_names_is_rejected() {
    let t = "President Halvorsen spoke. The Halvorsen administration denied it. \
             Protesters gathered outside Halvorsen Tower, waving pro-Halvorsen banners.";
    assert_eq!(mentions(t), ["Halvorsen"]);
}

#[test]
fn sentence_initial_words_are_not_names() {
    let t = "Meanwhile the storm moved east. However, Firefighters said the worst was over. Yesterday was calm.";
    assert!(mentions(t).is_empty(), "{:?}", mentions(t));
}

#[test]
fn pre_name_title_is_a_role() {
    let t = "Harbour authority spokesman Dariusz Lenko said the ship had left.";
    assert_eq!(mentions(t), ["Dariusz Lenko"]);
    assert_eq!(roles_of(t, "Dariusz Lenko"), ["Harbour authority spokesman"]);
}

#[test]
fn capitalised_title_is_a_role() {
    let t = "Mining Minister Gerald Oakes said the mine would close.";
    assert_eq!(roles_of(t, "Gerald Oakes"), ["Mining Minister"]);
}

#[test]
fn appositive_is_a_role() {
    let t = "Priya Ramanathan, the city's chief engineer, said the bridge was safe.";
    assert_eq!(roles_of(t, "Priya Ramanathan"), ["city's chief engineer"]);
}

#[test]
fn role_before_a_comma() {
    let t = "The state treasurer, Lionel Varga, declined to comment.";
    assert_eq!(roles_of(t, "Lionel Varga"), ["state treasurer"]);
}

#[test]
fn possessor_is_a_role() {
    let t = "Harbourline's Andrew Pell says the ferries will run.";
    assert_eq!(roles_of(t, "Andrew Pell"), ["Harbourline"]);
}

#[test]
fn two_people_with_the_same_surname_in_one_article_stay_apart() {
    let t = "Alice Marrow and Thomas Marrow both ran. Later Thomas Marrow won.";
    assert_eq!(names(t), ["Alice Marrow", "Thomas Marrow"]);
}

#[test]
fn glued_name_is_split_for_its_identity() {
    let t = "Law lecturer JoannaPelt proposed a new model. Dr Pelt says it is simple.";
    let p = people(t);
    assert_eq!(p.persons.len(), 1);
    assert_eq!(p.persons[0].name, "Joanna Pelt");
    assert_eq!(p.mentions.len(), 2);
}

#[test]
fn hyphen_joined_surnames_are_two_mentions() {
    let t = "Chancellor Hanne Voss met President Arvo Kallas. The Voss-Kallas talks ran late.";
    let m = mentions(t);
    assert_eq!(m, ["Hanne Voss", "Arvo Kallas", "Voss", "Kallas"]);
}

#[test]
fn given_name_alone_links_to_the_only_person_with_it() {
    let t = "Bowler Shaun Tremlett took five wickets. \"I am different to Shaun,\" his captain said.";
    let p = people(t);
    assert_eq!(p.mentions.len(), 2);
    assert_eq!(p.mentions[0].person, p.mentions[1].person);
}

#[test]
fn hostile_text_never_panics() {
    let inputs = [
        "",
        "’",
        "Mr",
        "Mr.",
        "Mr ’s",
        "A. B. C.",
        "(/)",
        "Ö’s Ü-",
        "X-",
        "-Y",
        "'s",
        "Jean- Luc",
        "Владимир Путин сказал.",
        "🎉 Mr 🎉 Putin",
        "Dr\u{a0}Fenn",
        "von der",
        "Von der Leyen",
        "\"\"\"",
        "Zoë O’Brien’s",
        "Ms\n\nQuellan",
        // An initial alone after "of the", ending the text: the name piece trims to nothing.
        "The people of the C.",
    ];
    for t in inputs {
        let _ = people(t);
    }
}

#[test]
fn linear_in_size() {
    let para = "Kremlin spokesman Dmitri Volkov said talks would continue. Volkov's office agreed. ";
    let t = para.repeat(2000);
    let p = people(&t);
    assert_eq!(p.mentions.len(), 4000);
    assert_eq!(p.persons.len(), 1);
}

#[test]
fn a_run_that_ends_in_a_place_word_is_not_a_person() {
    let t = "Crowds gathered for Nelson Okoye Day. Later Nelson Okoye spoke.";
    assert_eq!(mentions(t), ["Nelson Okoye"]);
}

#[test]
fn quotes_go_to_the_named_speaker_and_follow_he_said() {
    let t = "\"We will not retreat from these talks,\" said port spokesman Dmitri Volkov on Monday. \
             \"The harbour stays open for every ship that needs it,\" he added.";
    let p = people(t);
    assert_eq!(p.persons.len(), 1, "{:?}", p.persons);
    let quotes: Vec<&str> = p.persons[0].quotes.iter().map(|(_, q)| q.as_str()).collect();
    assert!(quotes.iter().any(|q| q.contains("We will not retreat")), "{quotes:?}");
    assert!(quotes.iter().any(|q| q.contains("harbour stays open")), "{quotes:?}");
}

#[test]
fn known_surnames_inside_title_case_headlines() {
    let t = "Okonkwo Warns Lenders Over Rates\n\nCentral bank governor Adaeze Okonkwo said rates would rise.";
    assert_eq!(mentions(t), ["Okonkwo", "Adaeze Okonkwo"]);
}

#[test]
fn reporting_credits_are_people() {
    let t = "The ferry sank within minutes.\nAdditional reporting by Tavita Leaupepe and Ngaio Whitmore\nCredit, Oren Blatt/Reuters";
    assert_eq!(mentions(t), ["Tavita Leaupepe", "Ngaio Whitmore", "Oren Blatt"]);
}

#[test]
fn a_heading_line_is_not_a_byline() {
    let t = "Climate Change\n\nThe change in rainfall worried farmers.";
    assert!(mentions(t).is_empty(), "{:?}", mentions(t));
}

#[test]
fn appositive_after_an_age_or_who_is() {
    let t = "Ruth Ambler, 58, the founder of Tillworks, said the plant would stay. \
             Colin Marsh, who is the council's chief planner, agreed.";
    assert_eq!(roles_of(t, "Ruth Ambler"), ["founder of Tillworks"]);
    assert_eq!(roles_of(t, "Colin Marsh"), ["council's chief planner"]);
}

#[test]
fn organisations_that_speak_are_not_people() {
    let t = "Amnesty International said civilians had been killed. Human Rights Watch agreed.";
    assert!(mentions(t).is_empty(), "{:?}", mentions(t));
}

#[test]
fn a_two_word_surname_after_the_full_name_is_the_same_person() {
    let t = "Greens leader Mara Vance Holloway opposed the bill. Senator Vance Holloway told reporters it was flawed.";
    let p = people(t);
    assert_eq!(p.persons.len(), 1, "{:?}", p.persons);
    assert_eq!(p.mentions.len(), 2);
    assert!(!p.mentions[1].full);
}

mod never_panics {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn on_any_text(t in "([A-Z][a-z]{0,6}|[a-z]{1,5}|Mr|Dr\\.|von|bin|[’'\"“”(),./\\-]|[ÀÉÖŽ][a-zé]{0,4}|[а-я]{1,3}|🎉|\u{a0}| |\n){0,60}") {
            let p = byline_core::analyze(&t, byline_core::Format::Plain).people;
            for m in &p.mentions {
                prop_assert!(t.is_char_boundary(m.span.start) && t.is_char_boundary(m.span.end));
                prop_assert!(m.span.start < m.span.end && m.person < p.persons.len());
            }
            for w in p.mentions.windows(2) {
                prop_assert!(w[0].span.end <= w[1].span.start);
            }
        }
    }
}

#[test]
fn accented_given_names_count_as_first_names() {
    let t = "On Sunday Éric Marchetti opened the exhibition in the old port.";
    assert_eq!(mentions(t), ["Éric Marchetti"]);
}
