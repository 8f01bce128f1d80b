//! What the integration tests of the command share.

use std::process::Command;

/// Runs `laclasse-sim` with `args` from the project's folder: its exit status, standard
/// output and standard error.
pub fn laclasse(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_laclasse-sim"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
