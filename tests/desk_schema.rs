//! `schemas/byline.toml.schema.json` accepts the example configuration and refuses bad ones
//! (the same mistakes `byline check` refuses with a line and column).

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(format!("{ROOT}/schemas/byline.toml.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn as_json(toml_text: &str) -> Value {
    let v: toml::Value = toml::from_str(toml_text).expect("valid TOML");
    serde_json::to_value(v).unwrap()
}

#[test]
fn the_example_configuration_is_valid() {
    let text = std::fs::read_to_string(format!("{ROOT}/examples/desk/byline.toml")).unwrap();
    let errors: Vec<String> = schema().iter_errors(&as_json(&text)).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(schema().is_valid(&as_json("")), "an empty file is a valid configuration");
}

#[test]
fn bad_configurations_are_refused() {
    let v = schema();
    for bad in [
        "[severity]\nunattributed-claim = \"loud\"\n",
        "[severity]\nnot-a-code = \"off\"\n",
        "[files]\nmax_file_size = \"huge\"\n",
        "[files]\nmax_file_size = 0\n",
        "[ledger]\npath = \"../x.toml\"\n",
        "[ledger]\npath = \"/etc/x.toml\"\n",
        "[ledger]\nshow_checked = \"maybe\"\n",
        "[report]\nbase_url = \"news.example\"\n",
        "[report]\nauthor = \"x\"\n",
        "[fles]\n",
        "[[overrides]]\nseverity = { vague-attribution = \"off\" }\n",
        "[[overrides]]\nfiles = [\"a.txt\"]\nseverity = { vague-attribution = \"loud\" }\n",
        "[[people]]\naliases = [\"Al\"]\n",
        "[sources]\nnamed = \"Harbourline Wire\"\n",
    ] {
        assert!(!v.is_valid(&as_json(bad)), "the schema accepted {bad:?}");
    }
}
