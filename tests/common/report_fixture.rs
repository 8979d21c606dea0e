//! A small invented newsroom for `byline report`: two articles (plain text and Markdown, with
//! multi-byte text, `<`, `&` and quotes), a `byline.toml`, and a ledger with a checked finding
//! (with a verdict and a rating), a dismissed one and a stale one (checked, then its sentence
//! changed in substance); the other findings are open.

use std::path::Path;

use super::{run_cli, write_file};

pub const TRAMWAY: &str = "Tramway extension to open in spring, council says\n\n\
By Jonas Ferreira-Lind\n\n\
The new tramway line through Oldmere will carry 18,000 passengers a day from April, the city council said on Tuesday.\n\n\
Construction cost €412 million, almost double the original estimate.\n\n\
It is feared that the depot at Kessel Lane will not be finished in time.\n\n\
The deputy mayor, Aurélie Nkemba, said the line was \"on schedule & on budget\".\n\n\
A senior transport official said the contractor had asked for another €30 million.\n\n\
Residents of Brückenstraße say the works have cut footfall by 40% since June.\n\n\
\"We were told <six months> of disruption, not two years,\" said Pádraig Ó Súilleabháin, who runs a bakery on the route.\n\n\
Ridership on the old bus route fell by a third last year.\n\n\
Nkemba said the first trams would run on 6 April.\n";

pub const FERRY: &str = "# Ferry fares to rise 🚢 by 9% on the Ålesund–Hørvik crossing\n\n\
*By Eliska Dvořáková*\n\n\
Fares on the Ålesund–Hørvik ferry will rise by 9% in March, the operator Nordvik Sjø said in a statement.\n\n\
\"This is the third rise in two years and nobody asked us,\" one commuter told reporters.\n\n\
Critics say the operator's profits have tripled since 2021.\n\n\
The regional transport commissioner, Ingrid Solbakken-Aas, said the rise was \"regrettable but unavoidable\".\n";

/// The note of the checked finding: quotes, `<` and `&` to be escaped.
pub const NOTE: &str = "Council budget papers, p. 14: \"€412m\" <final> & audited";

fn ok(dir: &Path, args: &[&str]) {
    let o = run_cli(dir, args);
    assert!(o.status.success(), "byline {args:?}: {}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
}

/// The newsroom in a fresh temporary folder.
pub fn newsroom() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    write_file(dir, "byline.toml", "[ledger]\nchecker = \"Marta Quintero\"\n");
    write_file(dir, "news/tramway.txt", TRAMWAY);
    write_file(dir, "news/ferry.md", FERRY);
    ok(
        dir,
        &[
            "ledger",
            "mark",
            "news/tramway.txt:7",
            "--code",
            "unattributed-claim",
            "--note",
            NOTE,
            "--url",
            "https://example.org/oldmere/budget",
            "--verdict",
            "mostly true",
            "--rating",
            "4",
        ],
    );
    ok(dir, &["ledger", "mark", "news/tramway.txt:13", "--code", "anonymous-source", "--dismiss", "name withheld by agreement"]);
    ok(
        dir,
        &[
            "ledger",
            "mark",
            "news/tramway.txt:19",
            "--code",
            "unattributed-claim",
            "--note",
            "annual report",
            "--verdict",
            "true",
            "--rating",
            "5",
        ],
    );
    // The checked sentence changes in substance: that check goes stale.
    write_file(dir, "news/tramway.txt", TRAMWAY.replace("fell by a third", "fell by a quarter"));
    d
}
