//! What the snapshot tests share.

/// Whether to rewrite the expected files instead of comparing with them:
/// `MTLSLINT_BLESS=1` on a developer's machine, never under `CI=true`, where
/// blessing would make every snapshot pass.
pub(crate) fn bless() -> bool {
    let bless = std::env::var_os("MTLSLINT_BLESS").is_some_and(|value| value == "1");
    assert!(!(bless && std::env::var_os("CI").is_some()), "MTLSLINT_BLESS=1 rewrites the snapshots; CI compares them");
    bless
}
