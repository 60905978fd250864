//! The README is the front door: it shows the two commands and every key.

use dateline::app::keymap::BINDINGS;

#[test]
fn readme_shows_the_commands_and_every_key() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
    for binding in BINDINGS {
        for key in binding.keys {
            let label = format!("`{}`", key.label());
            assert!(
                readme.contains(&label),
                "the README does not list {label} ({})",
                binding.help
            );
        }
    }
}

#[test]
fn readme_screenshots_exist() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for part in readme.split("](screenshots/").skip(1) {
        let file = part.split(')').next().unwrap();
        assert!(
            std::path::Path::new("screenshots").join(file).exists(),
            "{file}"
        );
    }
}
