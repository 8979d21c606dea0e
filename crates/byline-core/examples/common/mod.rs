//! What the examples share: the articles (`.txt`, `.md`) under a folder.

/// Every article under `dir`, in any order.
pub fn article_paths(dir: &str) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    let mut folders = vec![std::path::PathBuf::from(dir)];
    while let Some(folder) = folders.pop() {
        for e in std::fs::read_dir(&folder).expect("readable folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                folders.push(p);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
                paths.push(p);
            }
        }
    }
    paths
}
